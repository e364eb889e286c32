/** The wizard's steps in a row: the current one marked, the ones before it reachable. */
import { useTranslation } from 'react-i18next';
import type { Step } from './useImportWizard';

const STEPS: Step[] = ['file', 'preview', 'mapping', 'check', 'run'];

interface Props {
  current: Step;
  /** Steps the user may go back to (those before the current one, when nothing runs). */
  canGo: (step: Step) => boolean;
  onGo: (step: Step) => void;
}

export function StepList({ current, canGo, onGo }: Props) {
  const { t } = useTranslation();
  const at = STEPS.indexOf(current);
  return (
    <nav aria-label={t('imp.steps.label')}>
      <ol className="imp-steps">
        {STEPS.map((step, i) => {
          const label = (
            <>
              <span className="imp-steps__n" aria-hidden="true">
                {i + 1}
              </span>
              {t(`imp.steps.${step}`)}
            </>
          );
          const state = i < at ? 'done' : i === at ? 'current' : 'next';
          return (
            <li
              key={step}
              className={`imp-steps__item imp-steps__item--${state}`}
              aria-current={i === at ? 'step' : undefined}
            >
              {i < at && canGo(step) ? (
                <button type="button" className="imp-steps__go" onClick={() => onGo(step)}>
                  {label}
                </button>
              ) : (
                <span className="imp-steps__go">{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
