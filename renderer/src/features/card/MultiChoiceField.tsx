/**
 * A multichoice custom field, edited in place as a list of checkboxes: Enter or Save keeps the
 * ticks, Escape or Cancel drops them, a refusal is explained under the field.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from './useCardData';

interface Props {
  field: string;
  label: string;
  options: string[];
  value: string[];
  readOnly: boolean;
  onSave: (value: string[]) => Promise<void>;
}

export function MultiChoiceField({ field, label, options, value, readOnly, onSave }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<string[]>(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const boxRef = useRef<HTMLFieldSetElement>(null);
  const id = `field-${field}`;

  useEffect(() => {
    if (editing) boxRef.current?.querySelector('input')?.focus();
  }, [editing]);

  const cancel = () => {
    setDraft(value);
    setError(null);
    setEditing(false);
  };
  const save = async () => {
    // Keep the owner's option order, whatever order the boxes were ticked in.
    const next = options.filter((o) => draft.includes(o));
    if (next.join('\n') === value.join('\n')) return cancel();
    setSaving(true);
    try {
      await onSave(next);
      setError(null);
      setEditing(false);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    }
  };
  const shown = value.join(', ');

  return (
    <div className="field" data-field={field}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {editing ? (
        <fieldset
          ref={boxRef}
          id={id}
          className="multichoice"
          disabled={saving}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <legend className="visually-hidden">{label}</legend>
          {options.map((option) => (
            <label key={option} className="multichoice__option">
              <input
                type="checkbox"
                checked={draft.includes(option)}
                onChange={(e) =>
                  setDraft((d) =>
                    e.target.checked ? [...d, option] : d.filter((x) => x !== option),
                  )
                }
              />
              {option}
            </label>
          ))}
          <div className="row">
            <button type="button" className="primary small" onClick={() => void save()}>
              {t('cardx.save')}
            </button>
            <button type="button" className="small" onClick={cancel}>
              {t('cardx.cancel')}
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="field__value-row">
          {readOnly ? (
            <span id={id} className={`field__value${shown ? '' : ' muted'}`}>
              {shown || t('card.empty')}
            </span>
          ) : (
            <button
              type="button"
              id={id}
              className={`field__value${shown ? '' : ' muted'}`}
              title={t('card.editHint')}
              onClick={() => {
                setDraft(value);
                setEditing(true);
              }}
            >
              {shown || t('card.empty')}
            </button>
          )}
        </div>
      )}
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
