/** Why clients leave: the list offered when a client's stage becomes "lost". */
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { messageAt, messageElsewhere } from './api-errors';
import { FormButtons, Input } from './FormParts';
import { InlineText } from './InlineText';
import { useLostReasons } from './useAdminData';

export function LostReasonsSection() {
  const { t } = useTranslation();
  const query = useLostReasons();
  const reasons = [...(query.data ?? [])].sort((a, b) => a.position - b.position);
  const update = useMutation({
    mutationFn: (input: { id: string; label?: string; active?: boolean }) =>
      api.call('lostReasons.update', input),
  });

  return (
    <section className="admin-panel" aria-labelledby="admin-reasons-title">
      <header className="admin-panel__header">
        <h2 id="admin-reasons-title">{t('admin.reasons.title')}</h2>
        <span className="muted admin-panel__lead">{t('admin.reasons.lead')}</span>
      </header>
      {query.isSuccess && reasons.length === 0 ? (
        <p className="muted admin-empty">{t('admin.reasons.empty')}</p>
      ) : null}
      <ul className="admin-list" aria-label={t('admin.reasons.title')}>
        {reasons.map((r) => (
          <li
            key={r.id}
            data-id={r.id}
            className={`admin-row reason-row${r.active ? '' : ' is-retired'}`}
          >
            <InlineText
              value={r.label}
              label={t('admin.reasons.label')}
              muted={!r.active}
              messageOf={(e) => messageAt(e, 'label') ?? messageElsewhere(e, []) ?? ''}
              onSave={async (label) => {
                await update.mutateAsync({ id: r.id, label });
              }}
            />
            {r.active ? null : <span className="admin-tag">{t('admin.inactive')}</span>}
            <span className="admin-row__actions">
              <button
                type="button"
                className="link"
                aria-label={`${r.active ? t('admin.deactivate') : t('admin.activate')}: ${r.label}`}
                onClick={() => update.mutate({ id: r.id, active: !r.active })}
              >
                {r.active ? t('admin.deactivate') : t('admin.activate')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {update.error && !update.variables?.label ? (
        <p className="field-error" role="alert">
          {messageElsewhere(update.error, [])}
        </p>
      ) : null}
      <AddReasonForm />
    </section>
  );
}

function AddReasonForm() {
  const { t } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState('');
  const add = useMutation({
    mutationFn: () => api.call('lostReasons.add', { label }),
    onSuccess: () => {
      setLabel('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form className="admin-form admin-form--inline" onSubmit={submit} noValidate>
      <div className="admin-form__row">
        <Input
          id={`${id}-label`}
          name="reasonLabel"
          label={t('admin.reasons.new')}
          value={label}
          placeholder={t('admin.reasons.placeholder')}
          message={messageAt(add.error, 'label')}
          onChange={setLabel}
        />
        <FormButtons
          saveLabel={t('admin.reasons.add')}
          pending={add.isPending}
          message={messageElsewhere(add.error, ['label'])}
        />
      </div>
    </form>
  );
}
