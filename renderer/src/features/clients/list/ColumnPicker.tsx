/** Which columns the list shows, in catalogue order. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogField } from './catalog';

export function ColumnPicker({
  catalog,
  columns,
  onChange,
}: {
  catalog: CatalogField[];
  columns: string[];
  onChange: (c: string[]) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="popover-anchor">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('list.columns')}
      </button>
      {open ? (
        <div
          className="popover"
          role="dialog"
          aria-label={t('list.columns')}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          {catalog.map((f) => (
            <label key={f.key} className="popover__item">
              <input
                type="checkbox"
                checked={columns.includes(f.key)}
                disabled={f.key === 'name'}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? catalog.map((c) => c.key).filter((k) => k === f.key || columns.includes(k))
                      : columns.filter((k) => k !== f.key),
                  )
                }
              />
              {f.label}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
