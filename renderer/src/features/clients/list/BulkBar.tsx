/** The bar that appears when rows are selected: one action on all of them, as one batch. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkAction, BulkResult, ListQuery } from '../../../../../electron/api/contract';
import {
  BULK_ACTIONS,
  STAGES,
  type BulkActionType,
} from '../../../../../electron/api/contract/enums';
import { api, ApiError } from '../../../api/client';
import { channelQuery } from '../../../api/channel-query';
import { parseMoney, parseNumber } from '../../../lib/money';
import { useFields, useManagers } from './catalog';
import { LazyDateInput } from '../../../lib/LazyDateInput';
import { ListActions } from '../../lists/ListActions';

interface Props {
  count: number;
  target: { ids: string[] } | { filter: ListQuery };
  onDone: (result: BulkResult) => void;
}

export function BulkBar({ count, target, onDone }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState<BulkActionType>('setManager');
  const [value, setValue] = useState('');
  const [extra, setExtra] = useState('');
  const managers = useManagers().data ?? [];
  const fields = useFields().data ?? [];
  const reasons = useQuery(channelQuery('lostReasons.list', {})).data ?? [];
  const run = useMutation({
    mutationFn: (action: BulkAction) => api.call('clients.bulk', { ...target, action }),
    onSuccess: onDone,
  });

  const action = (): BulkAction | null => {
    switch (type) {
      case 'setManager':
        return { type, managerId: value || null };
      case 'setStage':
        return value
          ? {
              type,
              stage: value as (typeof STAGES)[number],
              ...(extra ? { lostReason: extra } : {}),
            }
          : null;
      case 'addTag':
        return value.trim() ? { type, tag: value.trim() } : null;
      case 'setCustom': {
        const field = fields.find((f) => f.key === value);
        if (!field) return null;
        const raw = extra.trim();
        if (raw === '') return { type, key: field.key, value: null };
        // Numbers and amounts read as the card reads them; one that is not a number is no action
        // (rather than a blank written over every selected client).
        const typed =
          field.type === 'number'
            ? parseNumber(raw)
            : field.type === 'money'
              ? parseMoney(raw)
              : field.type === 'boolean'
                ? raw === 'true'
                : field.type === 'multichoice'
                  ? [raw]
                  : raw;
        return typed === null ? null : { type, key: field.key, value: typed };
      }
      case 'applySuggestedStage':
      case 'delete':
        return { type };
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = action();
    if (!next) return;
    if (next.type === 'delete' && !window.confirm(t('list.bulk.confirmDelete', { count }))) return;
    run.mutate(next);
  };

  const customField = fields.find((f) => f.key === value);
  return (
    <>
      <form className="bulk-bar" onSubmit={submit} aria-label={t('list.selected', { count })}>
        <strong>{t('list.selected', { count })}</strong>
        <select
          name="bulk-action"
          aria-label={t('list.condition')}
          value={type}
          onChange={(e) => {
            setType(e.target.value as BulkActionType);
            setValue('');
            setExtra('');
          }}
        >
          {BULK_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`list.bulk.${a}`)}
            </option>
          ))}
        </select>
        {type === 'setManager' ? (
          <select
            name="bulk-manager"
            aria-label={t('fields.managerId')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          >
            <option value="">{t('list.none')}</option>
            {managers
              .filter((m) => m.active)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        ) : null}
        {type === 'setStage' ? (
          <>
            <select
              name="bulk-stage"
              aria-label={t('fields.stage')}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            >
              <option value="" disabled>
                {t('list.none')}
              </option>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`stages.${s}`)}
                </option>
              ))}
            </select>
            {value === 'lost' ? (
              <select
                name="bulk-reason"
                aria-label={t('list.bulk.reason')}
                value={extra}
                onChange={(e) => setExtra(e.target.value)}
              >
                <option value="" disabled>
                  {t('list.bulk.reason')}
                </option>
                {reasons
                  .filter((r) => r.active)
                  .map((r) => (
                    <option key={r.id} value={r.label}>
                      {r.label}
                    </option>
                  ))}
              </select>
            ) : null}
          </>
        ) : null}
        {type === 'addTag' ? (
          <input
            name="bulk-tag"
            aria-label={t('list.bulk.tag')}
            placeholder={t('list.bulk.tag')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        ) : null}
        {type === 'setCustom' ? (
          <>
            <select
              name="bulk-field"
              aria-label={t('list.field')}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            >
              <option value="" disabled>
                {t('list.field')}
              </option>
              {fields.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label}
                </option>
              ))}
            </select>
            {customField?.options.length ? (
              <select
                name="bulk-value"
                aria-label={t('list.value')}
                value={extra}
                onChange={(e) => setExtra(e.target.value)}
              >
                <option value="">{t('list.none')}</option>
                {customField.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : customField?.type === 'boolean' ? (
              <select
                name="bulk-value"
                aria-label={t('list.value')}
                value={extra}
                onChange={(e) => setExtra(e.target.value)}
              >
                <option value="">{t('list.none')}</option>
                <option value="true">{t('list.yes')}</option>
                <option value="false">{t('list.no')}</option>
              </select>
            ) : customField?.type === 'date' ? (
              <LazyDateInput
                name="bulk-value"
                aria-label={t('list.value')}
                value={extra}
                onChange={setExtra}
              />
            ) : (
              <input
                name="bulk-value"
                aria-label={t('list.value')}
                type="text"
                value={extra}
                onChange={(e) => setExtra(e.target.value)}
              />
            )}
          </>
        ) : null}
        <button type="submit" className="primary" disabled={run.isPending || action() === null}>
          {t('list.bulk.run', { count })}
        </button>
        {run.isPending ? (
          // A bulk edit of the whole base takes seconds: say it is under way.
          <span className="muted" role="status">
            {t('list.bulk.working')}
          </span>
        ) : null}
        {run.error ? (
          <span className="field-error" role="alert">
            {run.error instanceof ApiError ? run.error.message : String(run.error)}
          </span>
        ) : null}
      </form>
      {/* A reminder or a touch for each, and a campaign with these clients as its audience
        (frozen when it starts); the edits above are this form's own. */}
      <ListActions
        audience={target}
        count={count}
        source={t('clients.title')}
        label={t('acts.also')}
        omit={['export', 'setManager', 'setStage', 'addTag']}
        onDone={(result) => {
          if (result.batchId) onDone({ batchId: result.batchId, affected: result.affected });
        }}
      />
    </>
  );
}
