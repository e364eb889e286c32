/**
 * The run: a progress bar with Cancel while rows are written; then what was added, updated and
 * skipped, with the way to the clients and "Undo this import" (the whole batch at once).
 */
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatNumber } from '../../lib/money';
import { ImportProgress } from './ImportProgress';
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
        <dl className="imp-counts">
          {(['inserted', 'updated', 'skipped'] as const).map((key) => (
            <div
              key={key}
              className={`imp-count${result[key] ? '' : ' imp-count--zero'}`}
              data-testid={`import-result-${key}`}
            >
              <dt>{t(`imp.run.${key}`)}</dt>
              <dd>{formatNumber(result[key])}</dd>
            </div>
          ))}
        </dl>
        {result.unchanged > 0 ? (
          <p className="muted" data-testid="import-result-unchanged">
            {t('imp.run.unchanged', { count: result.unchanged })}
          </p>
        ) : null}
      </section>
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
