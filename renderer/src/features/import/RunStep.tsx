/**
 * The run: a progress bar with Cancel while rows are written; then what was added, updated,
 * skipped and refused (adding up to the rows in the file), with the way to the clients and
 * "Undo this import" (the whole batch at once).
 */
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Counts } from './Counts';
import { ImportProgress } from './ImportProgress';
import { ErrorsTable } from './ProblemTables';
import type { Wizard } from './useImportWizard';

export function RunStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  if (wizard.running) {
    return (
      <div className="imp-step">
        <ImportProgress cancelling={wizard.cancelling} onCancel={wizard.cancel} />
      </div>
    );
  }

  const error = wizard.runError;
  const result = wizard.result;
  if (error || !result) {
    return (
      <div className="imp-step">
        {error ? (
          <p className="imp-outcome imp-outcome--stopped" role="alert" data-testid="import-outcome">
            {wizard.cancelled
              ? t('imp.run.cancelled')
              : t('imp.run.failed', { message: error.message })}
          </p>
        ) : null}
        <div className="imp-actions">
          <button type="button" onClick={() => wizard.goTo('check')}>
            {t('imp.run.backToCheck')}
          </button>
          <button type="button" onClick={wizard.restart}>
            {t('imp.run.again')}
          </button>
        </div>
      </div>
    );
  }

  if (result.aborted) {
    return (
      <div className="imp-step">
        <p className="imp-outcome imp-outcome--stopped" role="alert" data-testid="import-outcome">
          {t('imp.run.aborted', { count: result.errorsTotal })}
        </p>
        <div className="imp-actions">
          <button type="button" onClick={() => wizard.goTo('check')}>
            {t('imp.run.backToCheck')}
          </button>
        </div>
      </div>
    );
  }

  const undoError = wizard.undoError;
  return (
    <div className="imp-step">
      <section className="imp-panel" aria-labelledby="imp-done-title" data-testid="import-done">
        <h2 id="imp-done-title" className="imp-subtitle">
          {t('imp.run.done')}
        </h2>
        <Counts
          counts={(['inserted', 'updated', 'skipped', 'invalid'] as const).map((key) => ({
            key,
            label: t(`imp.run.${key}`),
            value: result[key],
            testId: `import-result-${key}`,
          }))}
          total={{
            key: 'total',
            label: t('imp.run.total'),
            value: result.total,
            testId: 'import-result-total',
          }}
          details={[
            { key: 'byChoice', value: result.skippedByChoice },
            { key: 'unchanged', value: result.unchanged },
            { key: 'merged', value: result.merged },
            { key: 'blanked', value: result.blanked },
          ]}
        />
      </section>
      <ErrorsTable check={result} />
      {wizard.undone !== null ? (
        <p className="imp-outcome" role="status" data-testid="import-undone">
          {t('imp.run.undone', { count: wizard.undone })}
        </p>
      ) : null}
      {undoError ? (
        <p className="field-error" role="alert">
          {undoError.message}
        </p>
      ) : null}
      <div className="imp-actions">
        <button type="button" className="primary" onClick={() => void navigate('/clients')}>
          {t('imp.run.openClients')}
        </button>
        {result.batchId && wizard.undone === null ? (
          <button
            type="button"
            disabled={wizard.undoing}
            onClick={() => result.batchId && wizard.undo(result.batchId)}
          >
            {t('imp.run.undo')}
          </button>
        ) : null}
        <button type="button" onClick={wizard.restart}>
          {t('imp.run.again')}
        </button>
      </div>
    </div>
  );
}
