/** What every Today row shows about its client: name (to the card), phone to copy, last comment. */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaClient } from '../../../../electron/api/contract';

export function ClientName({
  client,
}: {
  client: Pick<AgendaClient, 'id' | 'name'> & { company?: string | null };
}) {
  return (
    <span className="today-row__who">
      <Link className="today-row__name" to={`/clients/${client.id}`}>
        {client.name}
      </Link>
      {client.company ? <span className="muted today-row__company">{client.company}</span> : null}
    </span>
  );
}

/** The phone as a button: a click copies it, and says so for a moment. */
export function PhoneButton({ phone }: { phone: string | null }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  if (!phone) return null;
  const copy = () => {
    if (!navigator.clipboard) {
      setState('failed');
      return;
    }
    navigator.clipboard.writeText(phone).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button
      type="button"
      className="today-phone"
      title={t('today.copyPhone')}
      aria-label={t('today.copyPhoneLabel', { phone })}
      onClick={copy}
    >
      <span>{phone}</span>
      {state !== 'idle' ? (
        <span className="today-phone__note" role="status">
          {state === 'copied' ? t('today.copied') : t('today.copyFailed')}
        </span>
      ) : null}
    </button>
  );
}

/** The first line of the client's latest comment, muted, cut to the row's width. */
export function LastComment({ client }: { client: AgendaClient }) {
  const { t } = useTranslation();
  const line = client.lastComment?.body.split('\n').find((l) => l.trim() !== '') ?? '';
  if (!client.lastComment || !line) return null;
  const kind = t(`cardx.kinds.${client.lastComment.kind}`);
  return (
    <span className="today-row__comment" title={line} data-testid="last-comment">
      <span className="today-row__kind">{kind}:</span> {line}
    </span>
  );
}

/** A row's refusal from the main process, beside the row that caused it. */
export function RowError({ error, onClose }: { error: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="today-row__error field-error" role="alert">
      {error}
      <button type="button" className="link" aria-label={t('today.dismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** The row frame: what it is, who, and the actions, with room below for an input or an error. */
export function RowFrame({
  className,
  testId,
  clientId,
  children,
}: {
  className?: string | undefined;
  testId: string;
  clientId: string;
  children: ReactNode;
}) {
  return (
    <li
      className={`today-row${className ? ` ${className}` : ''}`}
      data-testid={testId}
      data-client-id={clientId}
    >
      {children}
    </li>
  );
}
