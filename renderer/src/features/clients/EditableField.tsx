/**
 * One field of the portrait, edited in place: click or Enter to edit, Enter saves, Escape
 * cancels, and a value the main process refuses is explained right under the field.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../lib/DateInput';

export type EditorKind = 'text' | 'textarea' | 'date' | 'select';

interface Props {
  field: string;
  label: string;
  /** The stored value as text ('' for none). */
  value: string;
  /** What to show when not editing; defaults to the value. */
  display?: string;
  kind?: EditorKind;
  options?: { value: string; label: string }[];
  /** Saves the new text; rejects with a message to show under the field. */
  onSave: (value: string) => Promise<void>;
  copyable?: boolean;
  /** A link beside the value that calls or writes to it (`tel:`, `mailto:`), with its words. */
  link?: { href: string; label: string } | null;
  large?: boolean;
  /** Shown, not editable: the as-of view and a client in the trash. */
  readOnly?: boolean;
}

export function EditableField({
  field,
  label,
  value,
  display,
  kind = 'text',
  options,
  onSave,
  copyable,
  link,
  large,
  readOnly,
}: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(null);
  const valueRef = useRef<HTMLButtonElement>(null);
  // Left by Enter or Escape, the focus comes back to the field's button (not to the page's
  // body); left by a click elsewhere, it stays where the user went.
  const refocus = useRef(false);

  useEffect(() => {
    if (editing) inputRef.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      valueRef.current?.focus();
    }
  }, [editing]);

  const cancel = () => {
    setDraft(value);
    setError(null);
    setEditing(false);
  };
  const save = async (next: string = draft) => {
    if (saving) return;
    if (next === value) return cancel();
    setSaving(true);
    try {
      await onSave(next);
      setError(null);
      setEditing(false);
    } catch (e) {
      refocus.current = false;
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      refocus.current = true;
      cancel();
    } else if (event.key === 'Enter' && (kind !== 'textarea' || event.ctrlKey)) {
      event.preventDefault();
      refocus.current = true;
      void save();
    }
  };

  const inputProps = {
    ref: inputRef,
    id: `field-${field}`,
    name: field,
    value: draft,
    // Read-only, not disabled, while saving: a disabled input drops the focus to the page, and
    // after a refused value Escape would reach nothing.
    readOnly: saving,
    'aria-busy': saving ? true : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `field-${field}-error` : undefined,
    onKeyDown,
    onBlur: () => void save(),
  };

  return (
    <div className={`field${large ? ' field--large' : ''}`} data-field={field}>
      <label htmlFor={`field-${field}`} className="field__label">
        {label}
      </label>
      {editing ? (
        kind === 'textarea' ? (
          <textarea {...inputProps} rows={4} onChange={(e) => setDraft(e.target.value)} />
        ) : kind === 'select' ? (
          <select
            {...inputProps}
            onChange={(e) => {
              // A choice is the whole edit: save it at once.
              setDraft(e.target.value);
              void save(e.target.value);
            }}
          >
            {options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : kind === 'date' ? (
          <DateInput {...inputProps} onChange={setDraft} />
        ) : (
          <input {...inputProps} type="text" onChange={(e) => setDraft(e.target.value)} />
        )
      ) : readOnly ? (
        <div className="field__value-row">
          <span id={`field-${field}`} className={`field__value${value ? '' : ' muted'}`}>
            {value ? (display ?? value) : t('card.empty')}
          </span>
        </div>
      ) : (
        <div className="field__value-row">
          <button
            ref={valueRef}
            type="button"
            id={`field-${field}`}
            className={`field__value${value ? '' : ' muted'}`}
            title={t('card.editHint')}
            onClick={() => {
              setDraft(value);
              setEditing(true);
            }}
          >
            {value ? (display ?? value) : t('card.empty')}
          </button>
          {copyable && value ? (
            <button
              type="button"
              className="link"
              onClick={() => {
                void navigator.clipboard?.writeText(value).then(() => setCopied(true));
                setTimeout(() => setCopied(false), 1500);
              }}
            >
              {copied ? t('card.copied') : t('card.copyPhone')}
            </button>
          ) : null}
          {link && value ? (
            <a className="link field__link" href={link.href}>
              {link.label}
            </a>
          ) : null}
        </div>
      )}
      {error ? (
        <div className="field-error" id={`field-${field}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
