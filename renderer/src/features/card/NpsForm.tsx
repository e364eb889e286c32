/**
 * Recording an NPS answer: the question, eleven score buttons 0–10, an optional comment and the
 * date (today unless changed). A refusal shows under the input it concerns, else under the buttons.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { today } from '../../../../kernel/local-date';
import { npsGroup } from './useNps';
import { messageOf } from './useCardData';
import { DateInput } from '../../lib/DateInput';

export interface NpsValues {
  score: number;
  comment?: string;
  at: string;
}

interface Props {
  onSubmit: (values: NpsValues) => Promise<void>;
  onCancel: () => void;
}

const SCORES = Array.from({ length: 11 }, (_, i) => i);
const PATHS = ['score', 'comment', 'at'] as const;

export function NpsForm({ onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [at, setAt] = useState(() => today());
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (score === null) {
      setError(
        new ApiError({ code: 'invalid_input', message: t('ret.nps.pickScore'), field: 'score' }),
      );
      return;
    }
    setSaving(true);
    try {
      const text = comment.trim();
      await onSubmit({ score, at, ...(text ? { comment: text } : {}) });
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };
  const messageAt = (path: string) =>
    error instanceof ApiError ? error.messageFor(path) : undefined;
  const general =
    error && !PATHS.some((p) => messageAt(p) !== undefined) ? messageOf(error) : undefined;
  const scoreError = messageAt('score');
  const commentError = messageAt('comment');
  const atError = messageAt('at');

  return (
    <form
      className="nps-form"
      aria-label={t('ret.nps.add')}
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <p className="nps-form__question" id={`${id}-question`}>
        {t('ret.nps.question')}
      </p>
      <div
        className="nps-form__scores"
        role="radiogroup"
        aria-labelledby={`${id}-question`}
        aria-describedby={scoreError ? `${id}-score-error` : undefined}
      >
        {SCORES.map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={score === n}
            aria-label={t('ret.nps.score', { score: n })}
            autoFocus={n === 0}
            className={`nps-form__score nps-score--${npsGroup(n)}${score === n ? ' is-on' : ''}`}
            onClick={() => {
              setScore(n);
              setError(null);
            }}
          >
            {n}
          </button>
        ))}
      </div>
      {scoreError ? (
        <span className="field-error" id={`${id}-score-error`} role="alert">
          {scoreError}
        </span>
      ) : null}
      <div className="nps-form__row">
        <label className="nps-form__field nps-form__comment">
          <span className="field__label">{t('ret.nps.comment')}</span>
          <input
            name="npsComment"
            value={comment}
            maxLength={2000}
            placeholder={t('ret.nps.commentPlaceholder')}
            aria-invalid={commentError ? true : undefined}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        <label className="nps-form__field">
          <span className="field__label">{t('ret.nps.date')}</span>
          <DateInput
            name="npsDate"
            value={at}
            aria-invalid={atError ? true : undefined}
            onChange={(value) => setAt(value)}
          />
        </label>
      </div>
      {commentError || atError ? (
        <span className="field-error" role="alert">
          {commentError ?? atError}
        </span>
      ) : null}
      <div className="row">
        <button type="submit" className="primary small" disabled={saving}>
          {t('ret.nps.save')}
        </button>
        <button type="button" className="small" onClick={onCancel}>
          {t('ret.nps.cancel')}
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
