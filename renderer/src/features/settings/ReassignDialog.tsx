/** Hands all clients of one manager to another; says how many move before anything happens. */
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Manager } from '../../../../electron/api/contract/managers';
import { api } from '../../api/client';
import { messageAt, messageElsewhere } from './api-errors';
import { Modal } from '../../lib/Modal';

interface Props {
  from: Manager;
  managers: Manager[];
  /** Called with a sentence for the status line when clients moved, or nothing when cancelled. */
  onClose: (message?: string) => void;
}

export function ReassignDialog({ from, managers, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const targets = managers.filter((m) => m.id !== from.id && m.active);
  const [toId, setToId] = useState(targets.length === 1 ? (targets[0]?.id ?? '') : '');
  const to = managers.find((m) => m.id === toId);
  const reassign = useMutation({
    mutationFn: () => api.call('managers.reassign', { fromId: from.id, toId }),
    onSuccess: (result) => {
      onClose(t('admin.reassign.done', { count: result.affected, to: to?.name ?? '' }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (to) reassign.mutate();
  };

  return (
    <Modal labelledBy={`${id}-title`} onClose={() => onClose()}>
      <form noValidate className="dialog" onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('admin.reassign.title', { name: from.name })}</h2>
        {targets.length === 0 ? (
          <p className="muted">{t('admin.reassign.noTargets')}</p>
        ) : (
          <label className="form-field" htmlFor={`${id}-to`}>
            <span>{t('admin.reassign.to')}</span>
            <select
              id={`${id}-to`}
              name="toId"
              autoFocus
              value={toId}
              aria-invalid={messageAt(reassign.error, 'toId') ? true : undefined}
              onChange={(e) => setToId(e.target.value)}
            >
              <option value="">{t('admin.reassign.choose')}</option>
              {targets.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            {messageAt(reassign.error, 'toId') ? (
              <span className="field-error" role="alert">
                {messageAt(reassign.error, 'toId')}
              </span>
            ) : null}
          </label>
        )}
        <p className="admin-confirm" data-testid="reassign-summary">
          {to
            ? t('admin.reassign.summary', { count: from.clientCount, from: from.name, to: to.name })
            : t('admin.reassign.summaryNoTarget', { count: from.clientCount, from: from.name })}
        </p>
        {messageElsewhere(reassign.error, ['toId']) ? (
          <p className="field-error" role="alert">
            {messageElsewhere(reassign.error, ['toId'])}
          </p>
        ) : null}
        <div className="row row--end">
          <button type="button" onClick={() => onClose()}>
            {t('admin.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!to || reassign.isPending}>
            {t('admin.reassign.confirm', { count: from.clientCount })}
          </button>
        </div>
      </form>
    </Modal>
  );
}
