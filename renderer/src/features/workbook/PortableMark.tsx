/**
 * The mark of a portable workbook (on a stick, worked on in a copy here): a small stick, with a
 * dot while changes wait to be saved to it, crossed out while the stick is not connected.
 */
import { useTranslation } from 'react-i18next';
import type { PortableState } from '../../../../electron/api/contract';

export type PortableLook = 'saved' | 'unsaved' | 'missing';

export function portableLook(state: PortableState): PortableLook {
  if (!state.sourceReachable) return 'missing';
  return state.unsaved ? 'unsaved' : 'saved';
}

export function PortableMark({ state, className }: { state: PortableState; className?: string }) {
  const { t } = useTranslation();
  const look = portableLook(state);
  const label = t(`port.mark.${look}`);
  return (
    <span
      className={`wb-stick wb-stick--${look}${className ? ` ${className}` : ''}`}
      role="img"
      aria-label={label}
      title={label}
      data-testid="portable-mark"
      data-state={look}
    >
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">
        <rect
          x="1"
          y="4.5"
          width="10"
          height="7"
          rx="1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.3"
        />
        <path
          d="M11 6h3.5v4H11"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.3"
          strokeLinejoin="round"
        />
        <path d="M12.2 7.2h1v0.8h-1zM12.2 8.4h1v0.8h-1z" fill="currentColor" />
        {look === 'missing' ? (
          <path d="M1.5 14.5 14.5 1.5" stroke="currentColor" strokeWidth="1.5" />
        ) : null}
      </svg>
      {look === 'unsaved' ? <span className="wb-stick__dot" aria-hidden="true" /> : null}
    </span>
  );
}
