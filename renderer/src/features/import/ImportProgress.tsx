/** The progress bar of a check or run in flight: phase, rows done of all, time left, cancel. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPhase, ImportStatus } from '../../../../electron/api/contract';
import { formatNumber } from '../../lib/money';
import { durationParts } from './describe';
import { useImportStatus } from './useImportStatus';

/**
 * The share of the whole job done: a run checks every row and then writes it, so checking is
 * its first half and writing the second; the bar only moves forward. A run that writes the
 * check's plan (nothing changed since the check) has no check phase: writing is the whole bar.
 */
function overall(
  kind: ImportStatus['kind'],
  phase: ImportPhase,
  part: number,
  checks: boolean,
): number {
  if (phase === 'read') return 0;
  if (kind !== 'run' || !checks) return part;
  return phase === 'check' ? part / 2 : 0.5 + part / 2;
}

/** Time left of the whole job: while a run checks, writing is guessed to take as long again. */
function timeLeft(status: ImportStatus): number | null {
  if (status.etaMs === null) return null;
  const left = status.total - status.done;
  if (status.kind !== 'run' || status.phase !== 'check' || left <= 0) return status.etaMs;
  // The phase's ETA is its time per row so far times the rows left: the whole check took this.
  return status.etaMs + (status.etaMs / left) * status.total;
}

const SHOW_AFTER_MS = 400;

interface Props {
  onCancel: () => void;
  cancelling: boolean;
}

export function ImportProgress({ onCancel, cancelling }: Props) {
  const { t } = useTranslation();
  const status = useImportStatus(true).data;
  // A small file is done before a bar would mean anything: show it only when the wait is felt.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  const running = status?.running === true;
  const phase = running && status.phase ? status.phase : 'read';
  const [checks, setChecks] = useState(false);
  if (!checks && running && status.kind === 'run' && phase === 'check') setChecks(true);
  const total = running ? status.total : 0;
  const done = running ? Math.min(status.done, total) : 0;
  const known = total > 1;
  const share = overall(status?.kind ?? null, phase, known ? done / total : 0, checks);
  const left = running ? timeLeft(status) : null;
  const eta = left !== null ? durationParts(left) : null;
  if (!shown) return null;
  return (
    <div className="imp-progress" data-testid="import-progress">
      <div className="imp-progress__line">
        <span className="imp-progress__phase">{t(`imp.run.phases.${phase}`)}</span>
        {known ? (
          <span className="muted" data-testid="import-progress-rows">
            {t('imp.run.rows', { done: formatNumber(done), total: formatNumber(total) })}
          </span>
        ) : null}
        {eta ? (
          <span className="muted">
            {t('imp.run.left', { time: t(`imp.run.${eta.key}`, { count: eta.count }) })}
          </span>
        ) : null}
        <button
          type="button"
          className="imp-progress__cancel"
          disabled={cancelling || status?.cancelling === true}
          onClick={onCancel}
        >
          {cancelling || status?.cancelling ? t('imp.run.cancelling') : t('imp.run.cancel')}
        </button>
      </div>
      <div
        className={`imp-progress__bar${share > 0 ? '' : ' imp-progress__bar--busy'}`}
        role="progressbar"
        aria-label={t('imp.run.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share > 0 ? Math.round(share * 100) : undefined}
      >
        {/* A new element when the bar leaves its busy state, so it does not slide back. */}
        <span
          key={share > 0 ? 'known' : 'busy'}
          style={share > 0 ? { width: `${share * 100}%` } : undefined}
        />
      </div>
    </div>
  );
}
