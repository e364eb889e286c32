/**
 * Managers: who is responsible for clients. Rename in place, switch off one who left, and hand
 * all of a manager's clients to another after a confirmation that says how many move.
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Manager } from '../../../../electron/api/contract/managers';
import { api } from '../../api/client';
import { messageAt, messageElsewhere } from './api-errors';
import { FormButtons, Input } from './FormParts';
import { InlineText } from './InlineText';
import { ReassignDialog } from './ReassignDialog';
import { useManagers } from './useAdminData';

export function ManagersSection() {
  const { t } = useTranslation();
  const query = useManagers();
  const managers = query.data ?? [];
  const [reassigning, setReassigning] = useState<Manager | null>(null);
  const [status, setStatus] = useState('');

  const update = useMutation({
    mutationFn: (input: { id: string; name?: string; active?: boolean }) =>
      api.call('managers.update', input),
  });

  return (
    <section className="admin-panel" aria-labelledby="admin-managers-title">
      <header className="admin-panel__header">
        <h2 id="admin-managers-title">{t('admin.managers.title')}</h2>
        <span className="muted admin-panel__lead">{t('admin.managers.lead')}</span>
      </header>
      {query.isSuccess && managers.length === 0 ? (
        <p className="muted admin-empty">{t('admin.managers.empty')}</p>
      ) : null}
      {managers.length > 0 ? (
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('admin.managers.name')}</th>
              <th>{t('admin.managers.email')}</th>
              <th className="num">{t('admin.managers.clients')}</th>
              <th>{t('admin.managers.state')}</th>
              <th>
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {managers.map((m) => (
              <tr key={m.id} data-id={m.id} className={m.active ? undefined : 'is-retired'}>
                <td>
                  <InlineText
                    value={m.name}
                    label={t('admin.managers.name')}
                    muted={!m.active}
                    messageOf={(e) => messageAt(e, 'name') ?? messageElsewhere(e, []) ?? ''}
                    onSave={async (name) => {
                      await update.mutateAsync({ id: m.id, name });
                    }}
                  />
                </td>
                <td className="muted">{m.email}</td>
                <td className="num">{m.clientCount}</td>
                <td>
                  <span className={`admin-state${m.active ? ' admin-state--on' : ''}`}>
                    {m.active ? t('admin.active') : t('admin.inactive')}
                  </span>
                </td>
                <td className="admin-row__actions">
                  {m.clientCount > 0 ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setStatus('');
                        setReassigning(m);
                      }}
                    >
                      {t('admin.managers.reassign')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="link"
                    onClick={() => update.mutate({ id: m.id, active: !m.active })}
                  >
                    {m.active ? t('admin.deactivate') : t('admin.activate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {update.error && !update.variables?.name ? (
        <p className="field-error" role="alert">
          {messageElsewhere(update.error, [])}
        </p>
      ) : null}
      <p className="muted" role="status">
        {status}
      </p>
      <AddManagerForm />
      {reassigning ? (
        <ReassignDialog
          from={reassigning}
          managers={managers}
          onClose={(message) => {
            setReassigning(null);
            if (message) setStatus(message);
          }}
        />
      ) : null}
    </section>
  );
}

function AddManagerForm() {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const add = useMutation({
    mutationFn: () => api.call('managers.add', { name, email }),
    onSuccess: () => {
      setName('');
      setEmail('');
      document.getElementById(`${id}-name`)?.focus();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form className="admin-form admin-form--inline" onSubmit={submit} noValidate>
      <h3>{t('admin.managers.addTitle')}</h3>
      <div className="admin-form__row">
        <Input
          id={`${id}-name`}
          name="managerName"
          label={t('admin.managers.name')}
          value={name}
          placeholder={t('admin.managers.namePlaceholder')}
          message={messageAt(add.error, 'name')}
          onChange={setName}
        />
        <Input
          id={`${id}-email`}
          name="managerEmail"
          label={t('admin.managers.emailOptional')}
          value={email}
          placeholder="name@example.com"
          message={messageAt(add.error, 'email')}
          onChange={setEmail}
        />
        <FormButtons
          saveLabel={t('admin.managers.add')}
          pending={add.isPending}
          message={messageElsewhere(add.error, ['name', 'email'])}
        />
      </div>
    </form>
  );
}
