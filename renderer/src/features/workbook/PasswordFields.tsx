/**
 * The password fields of the Workbook screen: the one asked for to open an encrypted workbook,
 * and a new password typed twice with the warning that a forgotten one is lost for good.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** One password and its button, in a form of its own (Enter sends it). */
export function PasswordPrompt({
  id,
  submit,
  pending,
  onSubmit,
}: {
  id: string;
  submit: string;
  pending: boolean;
  onSubmit: (password: string) => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (password) onSubmit(password);
  };
  return (
    <form className="wb-path wb-password" onSubmit={send} noValidate>
      <label htmlFor={id}>{t('pwd.password')}</label>
      <div className="wb-path__row">
        <input
          id={id}
          type="password"
          value={password}
          autoComplete="current-password"
          autoFocus
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={pending || !password}>
          {submit}
        </button>
      </div>
    </form>
  );
}

export interface NewPasswordValue {
  password: string;
  repeat: string;
}

/** What is wrong with a new password typed twice, in the user's words; null when it will do. */
export function newPasswordProblem(
  value: NewPasswordValue,
  t: (key: string) => string,
): string | null {
  if (!value.password) return t('pwd.empty');
  return value.password === value.repeat ? null : t('pwd.mismatch');
}

/** A new password typed twice, and the warning. */
export function NewPasswordFields({
  id,
  label,
  value,
  onChange,
  problem,
}: {
  id: string;
  label: string;
  value: NewPasswordValue;
  onChange: (value: NewPasswordValue) => void;
  problem: string | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="wb-new-password">
      <div className="wb-new-password__fields">
        <label className="wb-field">
          <span>{label}</span>
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            value={value.password}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => onChange({ ...value, password: e.target.value })}
          />
        </label>
        <label className="wb-field">
          <span>{t('pwd.repeat')}</span>
          <input
            id={`${id}-repeat`}
            type="password"
            autoComplete="new-password"
            value={value.repeat}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => onChange({ ...value, repeat: e.target.value })}
          />
        </label>
      </div>
      {problem ? (
        <p className="error wb-done" role="alert">
          {problem}
        </p>
      ) : null}
      <p className="wb-warning">{t('pwd.warning')}</p>
    </div>
  );
}
