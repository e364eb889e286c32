/** The hub's address in the parts a person is given: server, port, database, user, password, TLS. */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  TLS_MODES,
  type Connection,
  type ConnectionField,
  type ConnectionProblem,
  type TlsMode,
} from './connection-url';

interface Props {
  connection: Connection;
  problems: Partial<Record<ConnectionField, ConnectionProblem>>;
  /** The last refusal: a message naming one of these fields shows under it. */
  error: unknown;
  onChange: (field: ConnectionField, value: string) => void;
}

const TLS_LABELS = {
  off: 'sync.connect.tlsOff',
  require: 'sync.connect.tlsRequire',
  verify: 'sync.connect.tlsVerify',
} as const satisfies Record<TlsMode, string>;

const PROBLEM_TEXT = {
  required: 'sync.connect.required',
  badPort: 'sync.connect.badPort',
} as const satisfies Record<ConnectionProblem, string>;

export function ConnectionFields({ connection, problems, error, onChange }: Props) {
  const { t } = useTranslation();
  const field = (
    name: ConnectionField,
    label: string,
    extra: { type?: string; placeholder?: string; hint?: string; wide?: boolean } = {},
  ) => {
    const problem = problems[name];
    const message = problem
      ? t(PROBLEM_TEXT[problem])
      : error instanceof ApiError
        ? error.messageFor(name)
        : undefined;
    return (
      <label className={`form-field sync-field sync-field--${name}`}>
        <span>{label}</span>
        <input
          name={name}
          type={extra.type ?? 'text'}
          value={connection[name]}
          placeholder={extra.placeholder}
          spellCheck={false}
          autoComplete={extra.type === 'password' ? 'new-password' : 'off'}
          inputMode={name === 'port' ? 'numeric' : undefined}
          aria-invalid={message ? true : undefined}
          onChange={(e) => onChange(name, e.target.value)}
        />
        {extra.hint ? <span className="muted sync-hint">{extra.hint}</span> : null}
        {message ? (
          <span className="field-error" role="alert">
            {message}
          </span>
        ) : null}
      </label>
    );
  };
  return (
    <div className="sync-fields">
      {field('host', t('sync.connect.host'), { placeholder: t('sync.connect.hostPlaceholder') })}
      {field('port', t('sync.connect.port'))}
      {field('database', t('sync.connect.database'))}
      {field('user', t('sync.connect.user'))}
      {field('password', t('sync.connect.password'), {
        type: 'password',
        hint: t('sync.connect.passwordHint'),
      })}
      <label className="form-field sync-field sync-field--tls">
        <span>{t('sync.connect.tls')}</span>
        <select name="tls" value={connection.tls} onChange={(e) => onChange('tls', e.target.value)}>
          {TLS_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(TLS_LABELS[mode])}
            </option>
          ))}
        </select>
      </label>
      {connection.tls === 'verify'
        ? field('caFile', t('sync.connect.caFile'), {
            placeholder: t('sync.connect.caPlaceholder'),
          })
        : null}
    </div>
  );
}
