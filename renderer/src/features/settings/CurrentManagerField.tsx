/** "Who is working at this computer": the manager written as the author of changes. */
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { messageAt, messageElsewhere } from './api-errors';
import { useManagers, useSettings } from './useAdminData';

export function CurrentManagerField() {
  const { t } = useTranslation();
  const id = useId();
  const settings = useSettings();
  const managers = useManagers().data ?? [];
  const current = settings.data?.currentManagerId ?? '';
  const choose = useMutation({
    mutationFn: (currentManagerId: string | null) => api.call('settings.set', { currentManagerId }),
  });
  // An inactive manager stays in the list while chosen, so the select shows the truth.
  const choices = managers.filter((m) => m.active || m.id === current);
  const message = messageAt(choose.error, 'currentManagerId') ?? messageElsewhere(choose.error, []);

  return (
    <div className="form-field">
      <label htmlFor={id}>{t('admin.current.label')}</label>
      <select
        id={id}
        name="currentManagerId"
        value={current}
        disabled={!settings.data}
        aria-invalid={message ? true : undefined}
        onChange={(e) => choose.mutate(e.target.value || null)}
      >
        <option value="">{t('admin.current.none')}</option>
        {choices.map((m) => (
          <option key={m.id} value={m.id}>
            {m.active ? m.name : t('admin.current.inactive', { name: m.name })}
          </option>
        ))}
      </select>
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : (
        <span className="muted admin-hint">
          {managers.length === 0 ? t('admin.current.noManagers') : t('admin.current.hint')}
        </span>
      )}
    </div>
  );
}
