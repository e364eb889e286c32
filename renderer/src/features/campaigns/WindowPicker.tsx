/** The window after contact the figures are counted over: 30, 60 or 90 days. */
import { useTranslation } from 'react-i18next';

export const WINDOWS = [30, 60, 90] as const;

export function WindowPicker({
  value,
  onChange,
}: {
  value: number;
  onChange: (days: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="campaign-window" role="group" aria-label={t('camp.window')}>
      <span>{t('camp.window')}:</span>
      {WINDOWS.map((w) => (
        <button
          key={w}
          type="button"
          aria-pressed={w === value}
          className={w === value ? 'primary' : ''}
          onClick={() => onChange(w)}
        >
          {t('camp.windowDays', { count: w })}
        </button>
      ))}
    </div>
  );
}
