/**
 * A name edited in place: click (or Enter on the focused button) to edit, Enter saves, Escape
 * cancels; a refused value is explained right under it and the input stays open.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  /** Accessible name of the input, e.g. "Manager's name". */
  label: string;
  /** Saves the new text; rejects with an Error whose message is shown under the input. */
  onSave: (value: string) => Promise<void>;
  /** Returns the message for this input from a rejection, if the error concerns it. */
  messageOf: (error: unknown) => string;
  muted?: boolean;
}

export function InlineText({ value, label, onSave, messageOf, muted }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) inputRef.current?.focus();
    else if (wasEditing.current) buttonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const cancel = () => {
    setDraft(value);
    setError(null);
    setEditing(false);
  };
  const save = async () => {
    if (saving) return;
    if (draft.trim() === value) return cancel();
    setSaving(true);
    try {
      await onSave(draft);
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

  if (!editing) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className={`inline-text${muted ? ' muted' : ''}`}
        title={t('admin.renameHint')}
        aria-label={`${label}: ${value}`}
        onClick={() => {
          setDraft(value);
          setEditing(true);
        }}
      >
        {value}
      </button>
    );
  }
  return (
    <span className="inline-text__editor">
      <input
        ref={inputRef}
        value={draft}
        aria-label={label}
        disabled={saving}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => void save()}
      />
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
