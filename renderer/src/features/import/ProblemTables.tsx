/** The check's rows with errors and its duplicates, each as a table (long lists show 100 first). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportCheck } from '../../../../electron/api/contract';
import { formatNumber } from '../../lib/money';

const FIRST = 100;

function useLimit(length: number) {
  const [all, setAll] = useState(false);
  return { shown: all ? length : Math.min(length, FIRST), showAll: () => setAll(true) };
}

function More({ shown, total, onAll }: { shown: number; total: number; onAll?: () => void }) {
  const { t } = useTranslation();
  if (shown >= total) return null;
  return (
    <p className="muted imp-more">
      {t('imp.check.shown', { shown: formatNumber(shown), total: formatNumber(total) })}{' '}
      {onAll ? (
        <button type="button" className="link" onClick={onAll}>
          {t('imp.check.showAll')}
        </button>
      ) : null}
    </p>
  );
}

/** The errors of a check or of a run's result (bad cells left empty are marked so). */
export function ErrorsTable({ check }: { check: Pick<ImportCheck, 'errors' | 'errorsTotal'> }) {
  const { t } = useTranslation();
  const limit = useLimit(check.errors.length);
  if (check.errorsTotal === 0) return null;
  return (
    <section className="imp-panel" aria-labelledby="imp-errors-title">
      <h2 id="imp-errors-title" className="imp-subtitle">
        {t('imp.check.errors.title')}
      </h2>
      <div className="imp-table-wrap">
        <table className="imp-table" aria-labelledby="imp-errors-title" data-testid="import-errors">
          <thead>
            <tr>
              <th scope="col" className="imp-num">
                {t('imp.check.errors.row')}
              </th>
              <th scope="col">{t('imp.check.errors.column')}</th>
              <th scope="col">{t('imp.check.errors.value')}</th>
              <th scope="col">{t('imp.check.errors.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {check.errors.slice(0, limit.shown).map((e, i) => (
              <tr key={`${e.row}-${e.column ?? ''}-${i}`}>
                <td className="imp-num">{e.row}</td>
                <td>{e.column ?? ''}</td>
                <td className="imp-value" title={e.value}>
                  {e.value}
                </td>
                <td className="imp-problem">
                  {e.message}
                  {e.blanked ? (
                    <span className="imp-blanked"> · {t('imp.check.errors.blanked')}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <More
        shown={limit.shown}
        total={check.errorsTotal}
        {...(limit.shown < check.errors.length ? { onAll: limit.showAll } : {})}
      />
    </section>
  );
}

export function DuplicatesTable({ check }: { check: ImportCheck }) {
  const { t } = useTranslation();
  const limit = useLimit(check.duplicates.length);
  if (check.duplicatesTotal === 0) return null;
  return (
    <section className="imp-panel" aria-labelledby="imp-dups-title">
      <h2 id="imp-dups-title" className="imp-subtitle">
        {t('imp.check.dups.title')}
      </h2>
      <div className="imp-table-wrap">
        <table
          className="imp-table"
          aria-labelledby="imp-dups-title"
          data-testid="import-duplicates"
        >
          <thead>
            <tr>
              <th scope="col" className="imp-num">
                {t('imp.check.dups.row')}
              </th>
              <th scope="col">{t('imp.check.dups.by')}</th>
              <th scope="col">{t('imp.check.dups.client')}</th>
            </tr>
          </thead>
          <tbody>
            {check.duplicates.slice(0, limit.shown).map((d, i) => (
              <tr key={`${d.row}-${i}`}>
                <td className="imp-num">{d.row}</td>
                <td>{t(`imp.check.matchedBy.${d.matchedBy}`)}</td>
                <td>
                  {d.clientId ? <Link to={`/clients/${d.clientId}`}>{d.name}</Link> : d.name}
                  {d.firstRow !== null ? (
                    <span className="muted">
                      {' '}
                      ({t('imp.check.dups.fileRow', { row: d.firstRow })})
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <More
        shown={limit.shown}
        total={check.duplicatesTotal}
        {...(limit.shown < check.duplicates.length ? { onAll: limit.showAll } : {})}
      />
    </section>
  );
}
