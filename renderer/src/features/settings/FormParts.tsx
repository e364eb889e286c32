/** Small form pieces shared by the Settings editors: labelled inputs with their message. */
import { type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Escape anywhere in a form closes it, as in every editor of the program. */
export const escapeTo = (close: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    close();
  }
};

export interface InputProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  message?: string | undefined;
  hint?: string;
  placeholder?: string;
  autoFocus?: boolean;
  maxLength?: number;
  mono?: boolean;
  list?: string;
}

export function Input({ id, label, message, hint, onChange, mono, ...rest }: InputProps) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...rest}
        className={mono ? 'mono' : undefined}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && !message ? <span className="muted admin-hint">{hint}</span> : null}
      {message ? (
        <span className="field-error" id={`${id}-error`} role="alert">
          {message}
        </span>
      ) : null}
    </div>
  );
}

export function GroupInput(props: {
  id: string;
  value: string;
  groups: string[];
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Input
        id={props.id}
        name="group"
        label={t('admin.fields.group')}
        value={props.value}
        placeholder={t('admin.fields.groupPlaceholder')}
        list={`${props.id}-list`}
        onChange={props.onChange}
      />
      <datalist id={`${props.id}-list`}>
        {props.groups.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
    </>
  );
}

export function OptionsInput(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  message: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-field admin-form__wide">
      <label htmlFor={props.id}>{t('admin.fields.options')}</label>
      <textarea
        id={props.id}
        name="options"
        rows={4}
        value={props.value}
        placeholder={t('admin.fields.optionsPlaceholder')}
        aria-invalid={props.message ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.message ? (
        <span className="field-error" role="alert">
          {props.message}
        </span>
      ) : (
        <span className="muted admin-hint">{t('admin.fields.optionsHint')}</span>
      )}
    </div>
  );
}

export function FormButtons(props: {
  saveLabel: string;
  pending: boolean;
  message: string | undefined;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="row admin-form__buttons">
      <button type="submit" className="primary" disabled={props.pending}>
        {props.saveLabel}
      </button>
      {props.onCancel ? (
        <button type="button" onClick={props.onCancel}>
          {t('admin.cancel')}
        </button>
      ) : null}
      {props.message ? (
        <span className="field-error" role="alert">
          {props.message}
        </span>
      ) : null}
    </div>
  );
}
