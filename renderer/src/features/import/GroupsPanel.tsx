/**
 * Groups of rows of the file that match each other (same code, tax id, email, phone, or the
 * same client): one choice for all of them, and each group with every row shown whole, what it
 * matches in the workbook, what the import does with it, and a choice of its own.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportCheck, ImportGroup } from '../../../../electron/api/contract';
import { GROUP_CHOICES } from '../../../../electron/api/contract/enums';
import { formatNumber } from '../../lib/money';
import type { GroupChoice, Wizard } from './useImportWizard';

const FIRST = 20;

function rowsOf(group: ImportGroup): string {
  return group.rows.map((r) => r.row).join(', ');
}

function GroupCard({
  group,
  check,
  wizard,
}: {
  group: ImportGroup;
  check: ImportCheck;
  wizard: Wizard;
}) {
  const { t } = useTranslation();
  const value = wizard.groupChoices[group.id] ?? wizard.groupChoice ?? '';
  const titleId = `imp-group-${group.id}`;
  return (
    <section
      className="imp-group"
      aria-labelledby={titleId}
      data-testid={`import-group-${group.id}`}
    >
      <div className="imp-group__head">
        <h3 id={titleId} className="imp-group__title">
          {t('imp.groups.group', { rows: rowsOf(group) })}{' '}
          <span className="muted">
            ·{' '}
            {t('imp.groups.matchBy', {
              keys: group.keys.map((k) => t(`imp.groups.keys.${k}`)).join(', '),
            })}
          </span>
        </h3>
        <select
          value={value}
          aria-label={t('imp.groups.choiceFor', { rows: rowsOf(group) })}
          aria-invalid={value === '' ? true : undefined}
          onChange={(e) => wizard.chooseFor(group.id, e.target.value as GroupChoice)}
        >
          {value === '' ? (
            <option value="" disabled>
              {t('imp.groups.choose')}
            </option>
          ) : null}
          {GROUP_CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(`imp.groups.choices.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="imp-table-wrap">
        <table className="imp-table imp-group__rows" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col" className="imp-num">
                {t('imp.groups.row')}
              </th>
              <th scope="col">{t('imp.groups.outcome')}</th>
              <th scope="col">{t('imp.groups.client')}</th>
              {check.groupColumns.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {group.rows.map((r) => (
              <tr key={r.row} data-row={r.row}>
                <td className="imp-num">{r.row}</td>
                <td className={`imp-outcome-cell imp-outcome-cell--${r.outcome}`}>
                  {t(`imp.groups.outcomes.${r.outcome}`)}
                  {group.chosen ? null : (
                    <span className="muted"> ({t('imp.groups.notChosen')})</span>
                  )}
                </td>
                <td>
                  {r.client ? <Link to={`/clients/${r.client.id}`}>{r.client.name}</Link> : '—'}
                </td>
                {r.cells.map((c, i) => (
                  <td key={i} className="imp-value" title={c}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function GroupsPanel({ check, wizard }: { check: ImportCheck; wizard: Wizard }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (check.groupsTotal === 0) return null;
  const shown = all ? check.groups : check.groups.slice(0, FIRST);
  return (
    <section
      className="imp-panel imp-groups"
      aria-labelledby="imp-groups-title"
      data-testid="import-groups"
    >
      <h2 id="imp-groups-title" className="imp-subtitle">
        {t('imp.groups.title')}{' '}
        <span className="muted imp-subtitle__note">({formatNumber(check.groupsTotal)})</span>
      </h2>
      <p className="muted imp-hint">{t('imp.groups.hint')}</p>
      <fieldset className="imp-choice imp-groups__all">
        <legend>{t('imp.groups.forAll')}</legend>
        {GROUP_CHOICES.map((c) => (
          <label key={c} className="imp-choice__option">
            <input
              type="radio"
              name="groupChoice"
              value={c}
              checked={wizard.groupChoice === c}
              onChange={() => wizard.chooseForAll(c)}
            />
            <span>
              {t(`imp.groups.choices.${c}`)}
              <span className="muted"> — {t(`imp.groups.hints.${c}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {shown.map((g) => (
        <GroupCard key={g.id} group={g} check={check} wizard={wizard} />
      ))}
      {shown.length < check.groupsTotal ? (
        <p className="muted imp-more">
          {t('imp.check.shown', {
            shown: formatNumber(shown.length),
            total: formatNumber(check.groupsTotal),
          })}{' '}
          {shown.length < check.groups.length ? (
            <button type="button" className="link" onClick={() => setAll(true)}>
              {t('imp.check.showAll')}
            </button>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
