/**
 * "Export" and its menu: Excel, CSV in UTF-8, CSV in Windows-1251. Runs the export the page
 * gives it, saves the file, shows that it is busy and, when it fails, why, beside the button.
 * A menu button for the keyboard: Enter, Space or ↓ open it on the first item (↑ on the last),
 * ↑ ↓ Home End move, Escape closes it back to the button, Tab or a click elsewhere closes it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportEncoding, ExportFile, ExportFormat } from '../../../../electron/api/contract';
import { download } from '../../lib/download';
import './export.css';

export interface ExportChoice {
  format: ExportFormat;
  encoding?: ExportEncoding;
  /** The screen's time zone, so the file's times read as the screen shows them. */
  timeZone?: string;
}

const CHOICES = [
  { label: 'exp.xlsx', choice: { format: 'xlsx' } },
  { label: 'exp.csvUtf8', choice: { format: 'csv', encoding: 'utf-8' } },
  { label: 'exp.csv1251', choice: { format: 'csv', encoding: 'windows-1251' } },
] as const satisfies readonly { label: string; choice: ExportChoice }[];

interface Props {
  /** Makes the file in the chosen format (a call to `export.*`). */
  onExport: (choice: ExportChoice) => Promise<ExportFile>;
  disabled?: boolean;
}

export function ExportMenu({ onExport, disabled = false }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const anchor = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();
  const triggerId = useId();

  useEffect(() => {
    if (!open) return;
    items.current[open === 'first' ? 0 : CHOICES.length - 1]?.focus();
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Node && !anchor.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  const run = async (choice: ExportChoice) => {
    close();
    setBusy(true);
    setError(null);
    try {
      download(
        await onExport({ ...choice, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
      );
    } catch (e) {
      setError(t('exp.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const at = items.current.findIndex((el) => el === document.activeElement);
    const focus = (i: number) => items.current[(i + CHOICES.length) % CHOICES.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(at + 1);
        break;
      case 'ArrowUp':
        focus(at - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(CHOICES.length - 1);
        break;
      case 'Escape':
        e.stopPropagation();
        close();
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div className="export-menu" ref={anchor}>
      <button
        ref={trigger}
        id={triggerId}
        type="button"
        className="nowrap"
        aria-haspopup="menu"
        aria-expanded={Boolean(open)}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        // Busy is aria-disabled, not disabled: a disabled button would drop the keyboard focus.
        aria-disabled={busy}
        disabled={disabled}
        onClick={() => !busy && setOpen((v) => (v ? false : 'first'))}
        onKeyDown={(e) => {
          if (!busy && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
            e.preventDefault();
            setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {busy ? (
          t('exp.busy')
        ) : (
          <>
            {t('exp.button')} <span aria-hidden="true">▾</span>
          </>
        )}
      </button>
      {open ? (
        <div
          className="export-menu__list"
          id={menuId}
          role="menu"
          aria-labelledby={triggerId}
          onKeyDown={onMenuKey}
        >
          {CHOICES.map(({ label, choice }, i) => (
            <button
              key={label}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => void run(choice)}
            >
              {t(label)}
            </button>
          ))}
        </div>
      ) : null}
      {error ? (
        <span className="field-error export-menu__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
