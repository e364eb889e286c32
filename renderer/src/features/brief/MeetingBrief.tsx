/**
 * The meeting brief: one page about a client to take to a meeting — who they are (contacts,
 * the portrait's fields), what they bought, this year's plan against actual and potential, the
 * latest comments and the open reminders. The print stylesheet lays it out on one A4 page; the
 * desktop app saves it as a PDF (`print.toPdf`), the browser shell opens the browser's print
 * dialog, where "Save as PDF" is one of the printers.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Client, FieldDef, ManagerName } from '../../../../electron/api/contract';
import { api, ApiError } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { formatDate, formatDateTime } from '../../lib/format';
import { formatMoney, formatNumber } from '../../lib/money';
import { planTotals } from '../../lib/plan-totals';
import { effectiveDue } from '../card/reminder-dates';
import { useDueText } from '../card/ReminderRow';
import { useClient, useComments, useFields, useManagers } from '../card/useCardData';
import { showCustom } from '../card/values';
import { usePlanReport, useSalesSummary } from '../card/sales/useSales';
import './brief.css';

/** Comments on the page: the newest few, each cut to a few lines. */
const COMMENTS_SHOWN = 5;
const COMMENT_CHARS = 280;
const CONTACT_FIELDS = ['phone', 'phone2', 'email', 'address', 'birthday'] as const;

function cut(text: string): string {
  return text.length > COMMENT_CHARS ? `${text.slice(0, COMMENT_CHARS - 1).trimEnd()}…` : text;
}

export function MeetingBrief() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const client = useClient(id);
  const fields = useFields();
  const managers = useManagers();
  if (client.isPending) return <p className="page muted">{t('app.loading')}</p>;
  if (client.error) {
    return (
      <p className="page error" role="alert">
        {client.error instanceof ApiError && client.error.code === 'not_found'
          ? t('card.notFound')
          : client.error.message}
      </p>
    );
  }
  return <Brief client={client.data} fields={fields.data ?? []} managers={managers.data ?? []} />;
}

function Brief({
  client: c,
  fields,
  managers,
}: {
  client: Client;
  fields: FieldDef[];
  managers: ManagerName[];
}) {
  const { t } = useTranslation();
  const info = useQuery(channelQuery('app.info', {}));
  const manager = managers.find((m) => m.id === c.managerId)?.name;
  const portrait = fields
    .filter((f) => f.retiredAt === null)
    .sort((a, b) => a.position - b.position)
    .map((f) => ({ key: f.key, label: f.label, text: showCustom(f, c.custom[f.key], t) }))
    .filter((f) => f.text !== '');
  const contacts = CONTACT_FIELDS.map((field) => ({
    field,
    text: field === 'birthday' ? formatDate(c.birthday) : (c[field] ?? ''),
  })).filter((x) => x.text !== '');

  return (
    <article className="page brief" aria-labelledby="brief-name">
      <Tools client={c} desktop={info.data?.shell === 'electron'} />
      <header className="brief__head">
        <p className="brief__kicker">
          {t('brief.title')} ·{' '}
          {t('brief.printedOn', { date: formatDate(new Date().toISOString()) })}
        </p>
        <h1 id="brief-name">{c.name}</h1>
        <p className="brief__who">
          {[c.company, c.position].filter(Boolean).join(', ')}
          <span className={`badge badge--${c.stage}`}>{t(`stages.${c.stage}`)}</span>
          {manager ? (
            <span>
              {t('fields.managerId')}: {manager}
            </span>
          ) : null}
          {c.tags.length > 0 ? <span className="brief__tags">{c.tags.join(', ')}</span> : null}
        </p>
      </header>
      <div className="brief__grid">
        <section aria-labelledby="brief-contacts">
          <h2 id="brief-contacts">{t('brief.contacts')}</h2>
          <dl className="brief__pairs">
            {contacts.map((x) => (
              <Pair key={x.field} label={t(`fields.${x.field}`)} text={x.text} />
            ))}
          </dl>
          {portrait.length > 0 || c.note ? (
            <>
              <h2>{t('brief.portrait')}</h2>
              <dl className="brief__pairs" data-testid="brief-portrait">
                {portrait.map((f) => (
                  <Pair key={f.key} label={f.label} text={f.text} />
                ))}
                {c.note ? <Pair label={t('fields.note')} text={c.note} /> : null}
              </dl>
            </>
          ) : null}
        </section>
        <section aria-labelledby="brief-figures">
          <Figures client={c} />
          <PlanLines clientId={c.id} />
        </section>
      </div>
      <LatestComments clientId={c.id} />
      <OpenReminders clientId={c.id} />
    </article>
  );
}

function Pair({ label, text }: { label: string; text: string }) {
  return (
    <div className="brief__pair">
      <dt>{label}</dt>
      <dd>{text}</dd>
    </div>
  );
}

/** Back to the card, and print: a PDF file in the desktop app, the browser's dialog here. */
function Tools({ client, desktop }: { client: Client; desktop: boolean }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const savePdf = async () => {
    try {
      const saved = await api.call('print.toPdf', {
        fileName: `${client.name} — ${t('brief.title')}`,
      });
      setNote(saved.path ? { text: t('brief.saved', { path: saved.path }), error: false } : null);
    } catch (error) {
      setNote({ text: error instanceof Error ? error.message : String(error), error: true });
    }
  };
  return (
    <div className="brief__tools">
      <Link to={`/clients/${client.id}`}>← {t('brief.back')}</Link>
      <button type="button" className="primary" onClick={() => window.print()}>
        {t('brief.print')}
      </button>
      {desktop ? (
        <button type="button" onClick={() => void savePdf()}>
          {t('brief.savePdf')}
        </button>
      ) : null}
      {note ? (
        <span className={note.error ? 'error' : 'muted'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </span>
      ) : null}
    </div>
  );
}

function Figures({ client: c }: { client: Client }) {
  const { t } = useTranslation();
  const summary = useSalesSummary(c.id);
  const s = summary.data;
  return (
    <>
      <h2 id="brief-figures">{t('brief.figures')}</h2>
      <dl className="brief__pairs" data-testid="brief-figures">
        <Pair label={t('brief.revenueYear')} text={formatMoney(c.revenueYear)} />
        {s ? (
          <Pair
            label={t('brief.revenueAll')}
            text={`${formatMoney(s.total)} · ${t('brief.salesCount', { count: s.count, n: formatNumber(s.count) })}`}
          />
        ) : null}
        {s && s.marginCount > 0 ? (
          <Pair label={t('brief.margin')} text={formatMoney(s.margin)} />
        ) : null}
        <Pair
          label={t('brief.lastPurchase')}
          text={c.lastPurchase ? formatDate(c.lastPurchase) : t('brief.never')}
        />
        <Pair
          label={t('brief.lastContact')}
          text={c.lastContact ? formatDate(c.lastContact) : t('brief.never')}
        />
      </dl>
    </>
  );
}

/** This year's plan, actual and potential over the categories that have a target. */
function PlanLines({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const period = String(new Date().getFullYear());
  const report = usePlanReport(clientId, period);
  if (!report.data) return null;
  const totals = planTotals(report.data.rows);
  const percentFormat = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ru-RU', {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const percent = (ratio: number | null) => (ratio === null ? '—' : percentFormat.format(ratio));
  return (
    <>
      <h2>{t('brief.plan', { period })}</h2>
      {totals.counted === 0 ? (
        <p className="muted">{t('brief.planNone', { period })}</p>
      ) : (
        <dl className="brief__pairs" data-testid="brief-plan">
          <Pair label={t('brief.planned')} text={formatMoney(totals.plan)} />
          <Pair label={t('brief.actual')} text={formatMoney(totals.actual)} />
          <Pair label={t('brief.done')} text={percent(totals.fulfilment)} />
          <Pair label={t('brief.potential')} text={formatMoney(totals.potential)} />
          <Pair label={t('brief.headroom')} text={formatMoney(totals.headroom)} />
        </dl>
      )}
    </>
  );
}

function LatestComments({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const comments = useComments(clientId);
  const latest = [...(comments.data ?? [])]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, COMMENTS_SHOWN);
  return (
    <section aria-labelledby="brief-comments">
      <h2 id="brief-comments">{t('brief.comments')}</h2>
      {latest.length === 0 ? (
        <p className="muted">{t('brief.commentsNone')}</p>
      ) : (
        <ul className="brief__list" data-testid="brief-comments">
          {latest.map((cm) => (
            <li key={cm.id}>
              <span className="brief__meta">
                {formatDateTime(cm.at)} · {t(`cardx.kinds.${cm.kind}`)} · {cm.author}
              </span>
              {cut(cm.body)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OpenReminders({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const dueText = useDueText();
  const reminders = useQuery(channelQuery('reminders.list', { clientId }));
  const open = (reminders.data ?? []).filter((r) => r.doneAt === null);
  return (
    <section aria-labelledby="brief-reminders">
      <h2 id="brief-reminders">{t('brief.reminders')}</h2>
      {open.length === 0 ? (
        <p className="muted">{t('brief.remindersNone')}</p>
      ) : (
        <ul className="brief__list" data-testid="brief-reminders">
          {open.map((r) => (
            <li key={r.id}>
              <span className="brief__meta">{dueText(effectiveDue(r))}</span>
              {r.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
