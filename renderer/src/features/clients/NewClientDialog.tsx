/** A small form for a new client; the main process validates and each message lands under its field. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCreateInput } from '../../../../electron/api/contract';
import { api, ApiError } from '../../api/client';
import { Modal } from '../../lib/Modal';

const FIELDS = ['name', 'company', 'phone', 'email'] as const;
type FormField = (typeof FIELDS)[number];

interface Props {
  onClose: () => void;
  onCreated: (id: string) => void;
}

export function NewClientDialog({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<FormField, string>>({
    name: '',
    company: '',
    phone: '',
    email: '',
  });
  const create = useMutation({
    mutationFn: (input: ClientCreateInput) => api.call('clients.create', input),
    onSuccess: (client) => onCreated(client.id),
  });
  const error = create.error instanceof ApiError ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(values);
  };

  return (
    <Modal labelledBy="new-client-title" onClose={onClose}>
      <form noValidate className="dialog" onSubmit={submit}>
        <h2 id="new-client-title">{t('newClient.title')}</h2>
        {FIELDS.map((field, i) => {
          const message = error?.messageFor(field);
          return (
            <label key={field} className="form-field">
              <span>{t(`fields.${field}`)}</span>
              <input
                name={field}
                autoFocus={i === 0}
                value={values[field]}
                placeholder={field === 'name' ? t('newClient.namePlaceholder') : undefined}
                aria-invalid={message ? true : undefined}
                type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
              />
              {message ? (
                <span className="field-error" role="alert">
                  {message}
                </span>
              ) : null}
            </label>
          );
        })}
        {create.error && !error?.issues.length && !error?.field ? (
          <p className="error" role="alert">
            {create.error.message}
          </p>
        ) : null}
        <div className="row row--end">
          <button type="button" onClick={onClose}>
            {t('newClient.cancel')}
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('newClient.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
