/**
 * Step 4: what the import would do with every row (new, to update, skipped, with errors: they
 * add up to the rows in the file), the groups of rows that match each other with the user's
 * choices, the problems row by row with a CSV of them to download, and the way on to the import.
 */
import { useTranslation } from 'react-i18next';
import { Counts } from './Counts';
import { GroupsPanel } from './GroupsPanel';
import { DuplicatesTable, ErrorsTable } from './ProblemTables';
import { downloadText } from '../../lib/download';
import { problemsCsv } from './problems-csv';
import type { Wizard } from './useImportWizard';

export function CheckStep({ wizard }: { wizard: Wizard }) {
  const { t, i18n } = useTranslation();
  const check = wizard.check;
  if (!check) return null;
  const writes = check.willCreate + check.willUpdate;
  const blocked = wizard.onInvalid === 'abort' && check.invalid > 0;
  const undecided =
    check.groups.filter((g) => !g.chosen).length +
    (wizard.groupChoice ? 0 : check.groupsTotal - check.groups.length);
  const updating = wizard.checking;
  const count = (key: string, value: number) => ({
    key,
    label: t(`imp.check.counts.${key}`),
    value,
    testId: `import-count-${key}`,
  });

  return (
    <div className="imp-step">
      <section aria-labelledby="imp-summary-title">
        <h2 id="imp-summary-title" className="imp-subtitle">
          {t('imp.check.summary')}{' '}
          {updating ? (
            <span className="muted imp-subtitle__note" role="status" data-testid="import-updating">
              {t('imp.check.updating')}
            </span>
          ) : null}
        </h2>
        <Counts
          counts={[
            count('create', check.willCreate),
            count('update', check.willUpdate),
            count('skip', check.willSkip),
            count('invalid', check.invalid),
          ]}
          total={count('total', check.total)}
          details={[
            { key: 'byChoice', value: check.skippedByChoice },
            { key: 'unchanged', value: check.unchanged },
            { key: 'merged', value: check.merged },
            { key: 'blanked', value: check.blanked },
            { key: 'duplicates', value: check.duplicatesTotal },
          ]}
          updating={updating}
        />
        {undecided > 0 ? <p className="muted imp-note">{t('imp.groups.pending')}</p> : null}
      </section>
      {check.newManagers.length ? (
        <p className="imp-note">
          {t('imp.check.newManagers', { names: check.newManagers.join(', ') })}
        </p>
      ) : null}
      {check.errorsTotal === 0 && check.duplicatesTotal === 0 ? (
        <p className="imp-note">{t('imp.check.clean')}</p>
      ) : null}

      <GroupsPanel check={check} wizard={wizard} />
      <ErrorsTable check={check} />
      <DuplicatesTable check={check} />

      {blocked ? (
        <p className="field-error imp-error" role="alert">
          {t('imp.check.abortWarning')}
        </p>
      ) : writes === 0 ? (
        <p className="imp-note" role="status" data-testid="import-nothing">
          {check.unchanged > 0 && check.invalid === 0
            ? t('imp.check.nothingChanged')
            : t('imp.check.nothing')}
        </p>
      ) : null}
      <div className="imp-actions">
        <button type="button" onClick={() => wizard.goTo('mapping')}>
          {t('imp.check.back')}
        </button>
        {check.errorsTotal + check.duplicatesTotal > 0 ? (
          <button
            type="button"
            onClick={() =>
              downloadText(problemsCsv(check, t, i18n.language), t('imp.check.csv.file'))
            }
          >
            {t('imp.check.download')}
          </button>
        ) : null}
        <button
          type="button"
          className="primary"
          disabled={blocked || writes === 0 || undecided > 0 || updating}
          aria-describedby={undecided > 0 ? 'imp-run-why' : undefined}
          onClick={() => wizard.goTo('run')}
        >
          {t('imp.check.run', { count: writes })}
        </button>
        {undecided > 0 ? (
          <span id="imp-run-why" className="imp-why" data-testid="import-run-why">
            {t('imp.groups.undecided', { count: undecided })}
          </span>
        ) : null}
      </div>
    </div>
  );
}
