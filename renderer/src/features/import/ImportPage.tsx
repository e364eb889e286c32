/**
 * Import: a four-step wizard (file → preview → columns → check) and the run with its progress,
 * result and undo. Clients or sales come from CSV (any encoding and delimiter) or Excel.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckStep } from './CheckStep';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { RunStep } from './RunStep';
import { StepList } from './StepList';
import { useImportWizard, type Step } from './useImportWizard';
import './import.css';
import './import-tables.css';
import './import-groups.css';

export function ImportPage() {
  const { t } = useTranslation();
  const wizard = useImportWizard();
  const region = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  // A new step takes the keyboard focus, so Tab goes on from its top.
  useEffect(() => {
    if (first.current) first.current = false;
    else region.current?.focus();
  }, [wizard.step]);
  // Once the import has written, going back would only invite importing the file twice.
  const written = wizard.step === 'run' && (wizard.running || Boolean(wizard.result?.batchId));
  const canGo = (step: Step) =>
    !wizard.busy && !written && (step !== 'check' || wizard.check !== null);
  const file = wizard.loaded?.source.name;

  return (
    <section className="page imp">
      <header className="page__header imp-header">
        <h1>{t('imp.title')}</h1>
        {file && wizard.step !== 'file' ? (
          <span className="muted imp-header__file" title={file}>
            {file}
          </span>
        ) : (
          <span className="muted imp-header__intro">{t('imp.intro')}</span>
        )}
      </header>
      <StepList current={wizard.step} canGo={canGo} onGo={wizard.goTo} />
      <div
        ref={region}
        className="imp-region"
        tabIndex={-1}
        role="region"
        aria-label={t(`imp.steps.${wizard.step}`)}
        data-testid={`import-step-${wizard.step}`}
      >
        {wizard.step === 'file' ? <FileStep wizard={wizard} /> : null}
        {wizard.step === 'preview' ? <PreviewStep wizard={wizard} /> : null}
        {wizard.step === 'mapping' ? <MappingStep wizard={wizard} /> : null}
        {wizard.step === 'check' ? <CheckStep wizard={wizard} /> : null}
        {wizard.step === 'run' ? <RunStep wizard={wizard} /> : null}
      </div>
    </section>
  );
}
