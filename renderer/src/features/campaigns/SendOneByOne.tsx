/**
 * Sending a campaign's messages one by one from the user's own programs: the next client still
 * to do, their phone and e-mail, the message filled for them; copy it or open it in the mail
 * program, the phone, SMS, WhatsApp or Telegram; then say how it went (logged on the card with
 * the message, the client marked contacted) and go on. The focus stays in the flow: on the copy
 * button for each new client, on "Next" once it is logged.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  CampaignDetail,
  CampaignMessage,
  MemberOutcome,
} from '../../../../electron/api/contract';
import { MEMBER_OUTCOMES, type SendVia } from '../../../../electron/api/contract/campaign-enums';
import { messageLinks, type MessageLinks } from '../../../../kernel/contact-links';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';

const LINK_ORDER = ['email', 'call', 'sms', 'whatsapp', 'telegram'] as const;

interface Props {
  campaign: CampaignDetail;
  onClose: () => void;
}

export function SendOneByOne({ campaign, onClose }: Props) {
  const { t } = useTranslation();
  const outbox = useQuery(channelQuery('campaigns.outbox', { id: campaign.id }));
  const [passed, setPassed] = useState<string[]>([]);
  // Once logged, the client stays on screen (the to-do list no longer has it) until "Next".
  const [pinned, setPinned] = useState<CampaignMessage | null>(null);
  const [logged, setLogged] = useState<string | null>(null);
  const messages = outbox.data?.messages;
  const current = pinned ?? messages?.find((m) => !passed.includes(m.clientId)) ?? null;

  const next = () => {
    if (current) setPassed((p) => [...p, current.clientId]);
    setPinned(null);
    setLogged(null);
  };
  // Pinned before the call: the to-do list refetched after it no longer has the client.
  const pin = () => setPinned(current);

  const titleId = useId();
  return (
    <section className="send-flow" aria-labelledby={titleId} data-testid="send-flow">
      <header className="send-flow__header">
        <h2 id={titleId}>{t('camp.send.title')}</h2>
        {messages ? (
          <span className="muted" data-testid="send-progress">
            {t('camp.send.progress', { n: messages.length, total: campaign.contactCount })}
          </span>
        ) : null}
        <button type="button" className="link" onClick={onClose}>
          {t('camp.send.close')}
        </button>
      </header>
      {outbox.error ? (
        <p className="error" role="alert">
          {outbox.error.message}
        </p>
      ) : !messages ? null : !current && messages.length > 0 ? (
        <p data-testid="send-done">
          {t('camp.send.endOfList', { count: messages.length })}{' '}
          <button type="button" onClick={() => setPassed([])}>
            {t('camp.send.again')}
          </button>
        </p>
      ) : !current ? (
        <p data-testid="send-done">{t('camp.send.allDone')}</p>
      ) : (
        <Recipient
          key={current.clientId}
          campaign={campaign}
          message={current}
          logged={logged}
          onPin={pin}
          onLogged={setLogged}
          onNext={next}
        />
      )}
    </section>
  );
}

function Recipient(props: {
  campaign: CampaignDetail;
  message: CampaignMessage;
  logged: string | null;
  onPin: () => void;
  onLogged: (status: string) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { campaign, message: m } = props;
  const [via, setVia] = useState<SendVia>(campaign.action === 'call' ? 'call' : 'copy');
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyButton = useRef<HTMLButtonElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const links: MessageLinks = messageLinks({
    phone: m.phone,
    email: m.email,
    text: m.text,
    subject: campaign.name,
  });

  useEffect(() => copyButton.current?.focus(), []);

  const done = useMutation({
    onMutate: () => props.onPin(),
    mutationFn: async (mark: { outcome?: MemberOutcome; skip?: boolean }) => {
      if (mark.skip) {
        await api.call('campaigns.mark', {
          id: campaign.id,
          clientId: m.clientId,
          status: 'skipped',
        });
        return;
      }
      await api.call('campaigns.sent', {
        id: campaign.id,
        clientIds: [m.clientId],
        via,
        ...(mark.outcome ? { outcome: mark.outcome } : {}),
      });
    },
    onSuccess: (_data, mark) => {
      if (mark.skip) {
        props.onNext();
        return;
      }
      props.onLogged(t('camp.send.logged', { name: m.name }));
      requestAnimationFrame(() => nextButton.current?.focus());
    },
  });

  const copyText = () => {
    setVia('copy');
    if (!m.text || !navigator.clipboard) {
      setCopy('failed');
      return;
    }
    navigator.clipboard.writeText(m.text).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  const busy = done.isPending || props.logged !== null;
  return (
    <div className="send-flow__client" data-testid="send-client" data-client-id={m.clientId}>
      <h3>
        <Link to={`/clients/${m.clientId}`}>{m.name}</Link>
      </h3>
      <p className="send-flow__contacts">
        {m.phone ? <span data-testid="send-phone">{m.phone}</span> : null}
        {m.email ? <span data-testid="send-email">{m.email}</span> : null}
        {!m.phone && !m.email ? <span className="muted">{t('camp.send.noContact')}</span> : null}
      </p>
      {m.text ? (
        <p className="send-flow__text" data-testid="send-text">
          {m.text}
        </p>
      ) : (
        <p className="muted">{t('camp.send.noMessage')}</p>
      )}
      <div className="send-flow__actions" role="group" aria-label={t('camp.send.links')}>
        <button ref={copyButton} type="button" onClick={copyText} disabled={!m.text}>
          {copy === 'copied' ? t('camp.send.copied') : t('camp.send.copy')}
        </button>
        {LINK_ORDER.map((kind) => {
          const href = links[kind];
          if (!href) return null;
          const web = href.startsWith('https:');
          return (
            <a
              key={kind}
              className="button"
              href={href}
              data-testid={`send-link-${kind}`}
              onClick={() => setVia(kind === 'call' ? 'call' : kind)}
              {...(web ? { target: '_blank', rel: 'noreferrer' } : {})}
            >
              {t(`camp.send.link.${kind}`)}
            </a>
          );
        })}
      </div>
      {copy === 'failed' ? (
        <p className="field-error" role="alert">
          {t('camp.send.copyFailed')}
        </p>
      ) : null}
      <div className="send-flow__outcomes" role="group" aria-label={t('camp.send.outcome')}>
        <span>{t('camp.send.outcome')}</span>
        {MEMBER_OUTCOMES.map((o) => (
          <button key={o} type="button" disabled={busy} onClick={() => done.mutate({ outcome: o })}>
            {t(`camp.outcomes.${o}`)}
          </button>
        ))}
        <button type="button" disabled={busy} onClick={() => done.mutate({})}>
          {t('camp.send.sent')}
        </button>
        <button
          type="button"
          className="link"
          disabled={busy}
          onClick={() => done.mutate({ skip: true })}
        >
          {t('camp.send.skip')}
        </button>
      </div>
      <p className="muted">{t('camp.send.hint')}</p>
      <div role="status" aria-live="polite" data-testid="send-status">
        {done.error ? <span className="error">{done.error.message}</span> : (props.logged ?? '')}
      </div>
      <button ref={nextButton} type="button" className="primary" onClick={props.onNext}>
        {t('camp.send.next')}
      </button>
    </div>
  );
}
