/**
 * Adding or editing a reminder: what to do, the date, an optional time and the repeat rule.
 * A refusal of the API shows under the input it concerns; anything else under the buttons.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reminder, RepeatRule } from '../../../../electron/api/contract';
import { ApiError } from '../../api/client';
import { RepeatEditor } from './RepeatEditor';
import { draftOf, ruleOf } from './repeat-draft';
import { messageOf } from './useCardData';
import { DateInput } from '../../lib/DateInput';
import { TimeInput } from '../../lib/TimeInput';

export interface ReminderValues {
  title: string;
  due: string;
  repeat: RepeatRule | null;
}

interface Props {
  /** The reminder being edited; a new one when absent. */
  initial?: Reminder;
  /** The date a new reminder starts with, `YYYY-MM-DD`. */
  defaultDate: string;
  onSubmit: (values: ReminderValues) => Promise<void>;
  onCancel: () => void;
}

const FIELD_PATHS = ['title', 'due', 'repeat'];

/** The message for a path, including nested ones (`repeat.weekdays.0` under `repeat.weekdays`). */
function messageAt(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const nested = `${path}.`;
  return (
    error.messageFor(path) ??
    error.issues.find((i) => i.path.startsWith(nested))?.message ??
    (error.field?.startsWith(nested) ? error.message : undefined)
  );
}

export function ReminderForm({ initial, defaultDate, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [date, setDate] = useState(initial?.dueDate ?? defaultDate);
  const [time, setTime] = useState(initial?.dueTime ?? '');
  const [repeat, setRepeat] = useState(() => draftOf(initial?.repeat));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await onSubmit({ title, due: time ? `${date}T${time}` : date, repeat: ruleOf(repeat) });
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  const titleError = messageAt(error, 'title');
  const dueError = messageAt(error, 'due');
  // The rule's own paths are shown by the repeat editor; a whole-rule refusal too.
  const general =
    error && !FIELD_PATHS.some((p) => messageAt(error, p) !== undefined)
      ? messageOf(error)
      : undefined;
  const label = initial ? t('rem.form.editTitle') : t('rem.form.newTitle');

  return (
    <form
      className="rem-form"
      aria-label={label}
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label className="rem-form__field rem-form__title">
        <span>{t('rem.form.title')}</span>
        <input
          name="title"
          value={title}
          autoFocus
          maxLength={300}
          placeholder={t('rem.form.titlePlaceholder')}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-title` : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      {titleError ? (
        <span className="field-error" id={`${id}-title`} role="alert">
          {titleError}
        </span>
      ) : null}
      <div className="rem-form__line">
        <label className="rem-form__field">
          <span>{t('rem.form.date')}</span>
          <DateInput
            name="dueDate"
            value={date}
            aria-invalid={dueError ? true : undefined}
            aria-describedby={dueError ? `${id}-due` : undefined}
            onChange={setDate}
          />
        </label>
        <label className="rem-form__field">
          <span>
            {t('rem.form.time')} <span className="rem-form__hint">({t('rem.form.timeHint')})</span>
          </span>
          <TimeInput
            name="dueTime"
            value={time}
            aria-invalid={dueError ? true : undefined}
            onChange={setTime}
          />
        </label>
      </div>
      {dueError ? (
        <span className="field-error" id={`${id}-due`} role="alert">
          {dueError}
        </span>
      ) : null}
      <RepeatEditor
        draft={repeat}
        onChange={setRepeat}
        messageFor={(path) =>
          path === 'repeat'
            ? error instanceof ApiError
              ? error.messageFor(path)
              : undefined
            : messageAt(error, path)
        }
      />
      <div className="row rem-form__buttons">
        <button type="submit" className="primary" disabled={saving}>
          {initial ? t('rem.form.save') : t('rem.form.add')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('rem.form.cancel')}
        </button>
        {general ? (
          <span className="field-error" role="alert">
            {general}
          </span>
        ) : null}
      </div>
    </form>
  );
}
