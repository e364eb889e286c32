/**
 * Which columns the list shows, in catalogue order: a modal picker under its button (focus in,
 * Tab kept inside, Escape or a click beside it closes it and the focus goes back to the button).
 */
import { useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../../lib/Modal';
import type { CatalogField } from './catalog';
import type { Density } from './useColumnLayout';

const DENSITIES = ['comfortable', 'compact'] as const;

/** Under the button, its right edge on the button's. */
function placeUnder(button: HTMLElement | null): CSSProperties {
  const rect = button?.getBoundingClientRect();
  if (!rect) return {};
  return { top: rect.bottom + 4, right: document.documentElement.clientWidth - rect.right };
}

export function ColumnPicker({
  catalog,
  columns,
  onChange,
  density,
  onDensity,
}: {
  catalog: CatalogField[];
  columns: string[];
  onChange: (c: string[]) => void;
  density: Density;
  onDensity: (d: Density) => void;
}) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [place, setPlace] = useState<CSSProperties | null>(null);
  return (
    <div className="popover-anchor">
      <button
        ref={button}
        type="button"
        aria-expanded={place !== null}
        aria-haspopup="dialog"
        onClick={() => setPlace(placeUnder(button.current))}
      >
        {t('list.columns')}
      </button>
      {place ? (
        <Modal
          className="modal--popover"
          label={t('list.columns')}
          style={place}
          closeOnBackdrop
          onClose={() => setPlace(null)}
        >
          <div className="popover">
            {catalog
              .filter((f) => !f.filterOnly)
              .map((f) => (
                <label key={f.key} className="popover__item">
                  <input
                    type="checkbox"
                    checked={columns.includes(f.key)}
                    disabled={f.key === 'name'}
                    onChange={(e) =>
                      onChange(
                        e.target.checked
                          ? catalog
                              .map((c) => c.key)
                              .filter((k) => k === f.key || columns.includes(k))
                          : columns.filter((k) => k !== f.key),
                      )
                    }
                  />
                  {f.label}
                </label>
              ))}
            <fieldset className="popover__group">
              <legend>{t('list.density')}</legend>
              {DENSITIES.map((d) => (
                <label key={d} className="popover__item">
                  <input
                    type="radio"
                    name="density"
                    checked={density === d}
                    onChange={() => onDensity(d)}
                  />
                  {d === 'compact' ? t('list.densityCompact') : t('list.densityComfortable')}
                </label>
              ))}
            </fieldset>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}
