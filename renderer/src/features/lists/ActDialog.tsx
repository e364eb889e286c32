/**
 * The dialog of one list action that needs a choice: a manager, a stage, a tag, the reminder
 * spread (text, first day, days, managers in turn) or the touch (kind, touch tag, text).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListAction } from '../../../../electron/api/contract';
import {
  COMMENT_KINDS,
  STAGES,
  TOUCH_KINDS,
  type CommentKind,
  type Stage,
  type TouchKind,
} from '../../../../electron/api/contract/enums';
import { channelQuery } from '../../api/channel-query';
import { LazyDateInput } from '../../lib/LazyDateInput';
import { Modal } from '../../lib/Modal';
import { useManagers } from '../clients/list/catalog';

export type DialogKind = 'setManager' | 'setStage' | 'addTag' | 'remind' | 'touch';

interface Props {
  kind: DialogKind;
  count: number;
  /** Where the list comes from ("Slipping away"), shown above the fields. */
  source: string;
  today: string;
  pending: boolean;
  error: string | null;
  onSubmit: (action: ListAction) => void;
  onClose: () => void;
}

export function ActDialog({
  kind,
  count,
  source,
  today,
  pending,
  error,
  onSubmit,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const managers = (useManagers().data ?? []).filter((m) => m.active);
  const reasons = (useQuery(channelQuery('lostReasons.list', {})).data ?? []).filter(
    (r) => r.active,
  );
  const [managerId, setManagerId] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const [reason, setReason] = useState('');
  const [tag, setTag] = useState('');
  const [title, setTitle] = useState(() => t('acts.dialog.titleDefault'));
  const [from, setFrom] = useState(today);
  const [days, setDays] = useState('5');
  const [chosen, setChosen] = useState<string[]>([]);
  const [commentKind, setCommentKind] = useState<CommentKind>('call');
  const [touch, setTouch] = useState<TouchKind | ''>('');
  const [body, setBody] = useState('');

  const action = (): ListAction | null => {
    switch (kind) {
      case 'setManager':
        return { type: 'setManager', managerId: managerId || null };
      case 'setStage':
        if (!stage || (stage === 'lost' && !reason)) return null;
        return { type: 'setStage', stage, ...(reason ? { lostReason: reason } : {}) };
      case 'addTag':
        return tag.trim() ? { type: 'addTag', tag: tag.trim() } : null;
      case 'remind': {
        const n = Number(days);
        if (!title.trim() || !Number.isInteger(n) || n < 1 || n > 90 || !from) return null;
        return {
          type: 'remind',
          title: title.trim(),
          from,
          days: n,
          ...(chosen.length ? { managerIds: chosen } : {}),
        };
      }
      case 'touch':
        return body.trim()
          ? { type: 'touch', kind: commentKind, touch: touch || null, body: body.trim() }
          : null;
    }
  };
  const ready = action();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) onSubmit(ready);
  };
  const perDay = Math.max(1, Math.ceil(count / Math.max(1, Number(days) || 1)));

  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose} testId="act-dialog">
      <form noValidate className="dialog act-dialog" onSubmit={submit}>
        <h2 id={`${id}-title`}>{t(`acts.dialog.${kind}`)}</h2>
        <p className="muted" data-testid="act-dialog-audience">
          {t('acts.dialog.audience', { source, count })}
        </p>
        {kind === 'setManager' ? (
          <label className="form-field">
            <span>{t('acts.dialog.manager')}</span>
            <select
              name="managerId"
              value={managerId}
              onChange={(e) => setManagerId(e.target.value)}
            >
              <option value="">{t('acts.dialog.noManager')}</option>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {kind === 'setStage' ? (
          <>
            <label className="form-field">
              <span>{t('acts.dialog.stage')}</span>
              <select
                name="stage"
                value={stage}
                onChange={(e) => setStage(e.target.value as Stage | '')}
              >
                <option value="" disabled>
                  —
                </option>
                {STAGES.map((s) => (
                  <option key={s} value={s}>
                    {t(`stages.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            {stage === 'lost' ? (
              <label className="form-field">
                <span>{t('acts.dialog.reason')}</span>
                <select name="reason" value={reason} onChange={(e) => setReason(e.target.value)}>
                  <option value="" disabled>
                    —
                  </option>
                  {reasons.map((r) => (
                    <option key={r.id} value={r.label}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </>
        ) : null}
        {kind === 'addTag' ? (
          <label className="form-field">
            <span>{t('acts.dialog.tag')}</span>
            <input name="tag" value={tag} onChange={(e) => setTag(e.target.value)} />
          </label>
        ) : null}
        {kind === 'remind' ? (
          <>
            <label className="form-field">
              <span>{t('acts.dialog.title')}</span>
              <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label className="form-field">
              <span>{t('acts.dialog.from')}</span>
              <LazyDateInput name="from" value={from} onChange={setFrom} />
            </label>
            <label className="form-field">
              <span>{t('acts.dialog.days')}</span>
              <input
                name="days"
                type="number"
                min={1}
                max={90}
                value={days}
                aria-describedby={`${id}-days`}
                onChange={(e) => setDays(e.target.value)}
              />
            </label>
            <p id={`${id}-days`} className="muted">
              {t('acts.dialog.daysHint', { perDay })}
            </p>
            {managers.length > 0 ? (
              <fieldset className="act-dialog__managers" aria-describedby={`${id}-managers`}>
                <legend>{t('acts.dialog.managers')}</legend>
                {managers.map((m) => (
                  <label key={m.id} className="act-dialog__check">
                    <input
                      type="checkbox"
                      name="managerIds"
                      value={m.id}
                      checked={chosen.includes(m.id)}
                      onChange={(e) =>
                        setChosen((list) =>
                          e.target.checked ? [...list, m.id] : list.filter((x) => x !== m.id),
                        )
                      }
                    />
                    {m.name}
                  </label>
                ))}
                <p id={`${id}-managers`} className="muted">
                  {t('acts.dialog.managersHint')}
                </p>
              </fieldset>
            ) : null}
          </>
        ) : null}
        {kind === 'touch' ? (
          <>
            <label className="form-field">
              <span>{t('acts.dialog.kind')}</span>
              <select
                name="kind"
                value={commentKind}
                onChange={(e) => setCommentKind(e.target.value as CommentKind)}
              >
                {COMMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`cardx.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="form-field">
              <span>{t('acts.dialog.touchTag')}</span>
              <select
                name="touch"
                value={touch}
                onChange={(e) => setTouch(e.target.value as TouchKind | '')}
              >
                <option value="">{t('acts.dialog.noTouch')}</option>
                {TOUCH_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`cardx.touches.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="form-field">
              <span>{t('acts.dialog.body')}</span>
              <textarea
                name="body"
                rows={3}
                value={body}
                onChange={(e) => setBody(e.target.value)}
              />
            </label>
          </>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="row row--end">
          <button type="submit" className="primary" disabled={pending || ready === null}>
            {t('acts.apply', { count })}
          </button>
          <button type="button" onClick={onClose}>
            {t('acts.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
