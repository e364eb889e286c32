/**
 * NPS on the portrait: the client's answers to "How likely is the client to recommend us?"
 * newest first, each score coloured by group (promoter 9–10, passive 7–8, detractor 0–6), a
 * form to record one, and delete with a confirm. `NpsBadge` shows the latest near the name.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NpsAnswer } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { formatDate } from '../../lib/format';
import { ConfirmDialog } from './ConfirmDialog';
import { NpsForm } from './NpsForm';
import { npsGroup, useNps } from './useNps';
import './nps.css';

const SHOWN = 3;

export function NpsBlock({ clientId, readOnly }: { clientId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const answers = useNps(clientId);
  const [adding, setAdding] = useState(false);
  const [all, setAll] = useState(false);
  const [deleting, setDeleting] = useState<NpsAnswer | null>(null);
  const list = answers.data ?? [];
  const shown = all ? list : list.slice(0, SHOWN);

  return (
    <section className="nps" aria-labelledby="nps-title" data-testid="nps">
      <header className="nps__header">
        <h3 id="nps-title">{t('ret.nps.title')}</h3>
        {readOnly || adding ? null : (
          <button type="button" className="link nps__add" onClick={() => setAdding(true)}>
            + {t('ret.nps.add')}
          </button>
        )}
      </header>
      {adding ? (
        <NpsForm
          onCancel={() => setAdding(false)}
          onSubmit={async (values) => {
            await api.call('nps.add', { clientId, ...values });
            setAdding(false);
          }}
        />
      ) : null}
      {answers.error ? (
        <p className="field-error" role="alert">
          {answers.error.message}
        </p>
      ) : null}
      {answers.isSuccess && list.length === 0 && !adding ? (
        <p className="muted nps__empty">{t('ret.nps.empty')}</p>
      ) : null}
      {list.length > 0 ? (
        <ul className="nps__list" aria-label={t('ret.nps.title')}>
          {shown.map((a) => (
            <li key={a.id} className="nps__answer" data-testid="nps-answer">
              <NpsScore score={a.score} />
              <span className="nps__date">{formatDate(a.at)}</span>
              {a.comment ? <span className="nps__comment">{a.comment}</span> : null}
              {readOnly ? null : (
                <button
                  type="button"
                  className="link nps__delete"
                  aria-label={t('ret.nps.delete', { date: formatDate(a.at) })}
                  title={t('ret.nps.delete', { date: formatDate(a.at) })}
                  onClick={() => setDeleting(a)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {list.length > SHOWN ? (
        <button
          type="button"
          className="link nps__more"
          aria-expanded={all}
          onClick={() => setAll((v) => !v)}
        >
          {all ? t('ret.nps.less') : t('ret.nps.more', { count: list.length })}
        </button>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          message={t('ret.nps.confirm', { score: deleting.score, date: formatDate(deleting.at) })}
          onConfirm={async () => {
            await api.call('nps.delete', { id: deleting.id });
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}

/** A score in the colour of its group, with the group named for screen readers and on hover. */
export function NpsScore({ score }: { score: number }) {
  const { t } = useTranslation();
  const group = npsGroup(score);
  return (
    <span
      className={`nps-score nps-score--${group}`}
      title={t(`ret.nps.${group}`)}
      data-group={group}
    >
      {score}
      <span className="visually-hidden"> ({t(`ret.nps.${group}`)})</span>
    </span>
  );
}

/** The latest answer as a badge beside the stage: "NPS 9" in the group's colour. */
export function NpsBadge({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const answers = useNps(clientId);
  const latest = answers.data?.[0];
  if (!latest) return null;
  const group = npsGroup(latest.score);
  return (
    <span
      className={`badge nps-badge nps-score--${group}`}
      data-testid="nps-badge"
      data-group={group}
      title={t('ret.nps.badgeHint', {
        score: latest.score,
        group: t(`ret.nps.${group}`),
        date: formatDate(latest.at),
      })}
    >
      {t('ret.nps.badge', { score: latest.score })}
    </span>
  );
}
