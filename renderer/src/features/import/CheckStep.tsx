/**
 * Step 4: what the import would do (new, to update, duplicates, bad rows), the problems row by
 * row with a CSV of them to download, and the way back to the mapping or on to the import.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/money';
import { DuplicatesTable, ErrorsTable } from './ProblemTables';
import { download } from './download';
import { problemsCsv } from './problems-csv';
import type { Wizard } from './useImportWizard';

export function CheckStep({ wizard }: { wizard: Wizard }) {
  const { t, i18n } = useTranslation();
  const check = wizard.check;
  if (!check) return null;
  const writes = check.willCreate + check.willUpdate;
  const blocked = wizard.onInvalid === 'abort' && check.invalid > 0;
  const counts = [
    { key: 'create', value: check.willCreate },
    { key: 'update', value: check.willUpdate },
    { key: 'duplicates', value: check.duplicatesTotal },
    { key: 'invalid', value: check.invalid },
    { key: 'skip', value: check.willSkip },
  ] as const;

  return (
    <div className="imp-step">
      <section aria-labelledby="imp-summary-title">
        <h2 id="imp-summary-title" className="imp-subtitle">
          {t('imp.check.summary')}{' '}
          <span className="muted imp-subtitle__note">
            {t('imp.check.total', { count: check.total })}
          </span>
        </h2>
        <dl className="imp-counts">
          {counts.map(({ key, value }) => (
            <div
              key={key}
              className={`imp-count imp-count--${key}${value ? '' : ' imp-count--zero'}`}
              data-testid={`import-count-${key}`}
            >
              <dt>{t(`imp.check.counts.${key}`)}</dt>
              <dd>{formatNumber(value)}</dd>
            </div>
          ))}
        </dl>
        {check.unchanged > 0 ? (
          <p className="muted" data-testid="import-count-unchanged">
            {t('imp.check.unchanged', { count: check.unchanged })}
          </p>
        ) : null}
      </section>
      {check.newManagers.length ? (
        <p className="imp-note">
          {t('imp.check.newManagers', { names: check.newManagers.join(', ') })}
        </p>
      ) : null}
      {check.errorsTotal === 0 && check.duplicatesTotal === 0 ? (
        <p className="imp-note">{t('imp.check.clean')}</p>
      ) : null}

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
            onClick={() => download(problemsCsv(check, t, i18n.language), t('imp.check.csv.file'))}
          >
            {t('imp.check.download')}
          </button>
        ) : null}
        <button
          type="button"
          className="primary"
          disabled={blocked || writes === 0}
          onClick={() => wizard.goTo('run')}
        >
          {t('imp.check.run', { count: writes })}
        </button>
      </div>
    </div>
  );
}
