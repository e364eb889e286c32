/**
 * How a reminder repeats: none, or every N days / weeks (on chosen weekdays) / months / years,
 * ending never, on a date or after N times. Each refusal of the API shows under its input.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REPEAT_UNITS } from '../../../../electron/api/contract/enums';
import type { RepeatDraft } from './repeat-draft';
import { weekdayNames } from './repeat-text';
import { DateInput } from '../../lib/DateInput';

interface Props {
  draft: RepeatDraft;
  onChange: (draft: RepeatDraft) => void;
  /** The API's message for a path of the rule (`repeat`, `repeat.until`, …). */
  messageFor: (path: string) => string | undefined;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  );
}

export function RepeatEditor({ draft, onChange, messageFor }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<RepeatDraft>) => onChange({ ...draft, ...patch });
  const every = Number(draft.every) || 1;
  const errors = {
    rule: messageFor('repeat') ?? messageFor('repeat.unit'),
    every: messageFor('repeat.every'),
    weekdays: messageFor('repeat.weekdays'),
    until: messageFor('repeat.until'),
    count: messageFor('repeat.count'),
  };
  const invalid = (message: string | undefined, errorId: string) =>
    message ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  return (
    <fieldset className="repeat-editor" data-testid="repeat-editor">
      <legend className="visually-hidden">{t('rem.repeat.label')}</legend>
      <div className="rem-form__line">
        <label className="rem-form__field">
          <span>{t('rem.repeat.label')}</span>
          <select
            name="repeatUnit"
            value={draft.unit}
            onChange={(e) => set({ unit: e.target.value as RepeatDraft['unit'] })}
            {...invalid(errors.rule, `${id}-rule`)}
          >
            <option value="none">{t('rem.repeat.none')}</option>
            {REPEAT_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`rem.repeat.${u}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.unit === 'none' ? null : (
          <label className="rem-form__field rem-form__field--every">
            <span>{t('rem.repeat.every')}</span>
            <span className="rem-form__inline">
              <input
                name="repeatEvery"
                type="number"
                min={1}
                inputMode="numeric"
                value={draft.every}
                onChange={(e) => set({ every: e.target.value })}
                {...invalid(errors.every, `${id}-every`)}
              />
              <span>{t(`rem.repeat.${draft.unit}`, { count: every })}</span>
            </span>
          </label>
        )}
      </div>
      <FieldError id={`${id}-rule`} message={errors.rule} />
      <FieldError id={`${id}-every`} message={errors.every} />

      {draft.unit === 'week' ? (
        <div className="rem-form__weekdays" role="group" aria-label={t('rem.repeat.weekdays')}>
          <span className="rem-form__caption">{t('rem.repeat.weekdays')}</span>
          {weekdayNames(t).map((name, i) => (
            <label key={name} className="rem-form__check">
              <input
                type="checkbox"
                name="weekday"
                value={i + 1}
                checked={draft.weekdays.includes(i + 1)}
                onChange={(e) =>
                  set({
                    weekdays: e.target.checked
                      ? [...draft.weekdays, i + 1]
                      : draft.weekdays.filter((d) => d !== i + 1),
                  })
                }
              />
              {name}
            </label>
          ))}
          {draft.weekdays.length === 0 ? (
            <span className="muted rem-form__hint">{t('rem.repeat.weekdaysHint')}</span>
          ) : null}
          <FieldError id={`${id}-weekdays`} message={errors.weekdays} />
        </div>
      ) : null}

      {draft.unit === 'none' ? null : (
        <div className="rem-form__ends" role="radiogroup" aria-label={t('rem.repeat.ends')}>
          <span className="rem-form__caption">{t('rem.repeat.ends')}</span>
          <label className="rem-form__check">
            <input
              type="radio"
              name={`${id}-ends`}
              value="never"
              checked={draft.ends === 'never'}
              onChange={() => set({ ends: 'never' })}
            />
            {t('rem.repeat.never')}
          </label>
          <span className="rem-form__end">
            <label className="rem-form__check">
              <input
                type="radio"
                name={`${id}-ends`}
                value="until"
                checked={draft.ends === 'until'}
                onChange={() => set({ ends: 'until' })}
              />
              {t('rem.repeat.until')}
            </label>
            {draft.ends === 'until' ? (
              <DateInput
                name="repeatUntil"
                aria-label={t('rem.repeat.untilDate')}
                value={draft.until}
                onChange={(value) => set({ until: value })}
                {...invalid(errors.until, `${id}-until`)}
              />
            ) : null}
          </span>
          <span className="rem-form__end">
            <label className="rem-form__check">
              <input
                type="radio"
                name={`${id}-ends`}
                value="count"
                checked={draft.ends === 'count'}
                onChange={() => set({ ends: 'count' })}
              />
              {t('rem.repeat.after')}
            </label>
            {draft.ends === 'count' ? (
              <>
                <input
                  name="repeatCount"
                  type="number"
                  min={1}
                  inputMode="numeric"
                  aria-label={t('rem.repeat.count')}
                  value={draft.count}
                  onChange={(e) => set({ count: e.target.value })}
                  {...invalid(errors.count, `${id}-count`)}
                />
                <span>{t('rem.repeat.times', { count: Number(draft.count) || 0 })}</span>
              </>
            ) : null}
          </span>
          <FieldError id={`${id}-until`} message={errors.until} />
          <FieldError id={`${id}-count`} message={errors.count} />
        </div>
      )}
    </fieldset>
  );
}
