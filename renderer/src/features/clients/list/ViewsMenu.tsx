/** Saved views: named sets of search, filters, sort and columns the owner reopens. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView, ViewDefinition } from '../../../../../electron/api/contract';
import { api, ApiError } from '../../../api/client';
import { channelQuery } from '../../../api/channel-query';

interface Props {
  current: ViewDefinition;
  activeId: string | null;
  onOpen: (view: SavedView | null) => void;
}

export function ViewsMenu({ current, activeId, onOpen }: Props) {
  const { t } = useTranslation();
  const views = useQuery(channelQuery('views.list', {}));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => api.call('views.save', { name, definition: current }),
    onSuccess: (view) => {
      setNaming(false);
      setName('');
      onOpen(view);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.call('views.delete', { id }),
    onSuccess: () => onOpen(null),
  });
  const active = views.data?.find((v) => v.id === activeId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <div className="views">
      <select
        name="view"
        aria-label={t('list.views')}
        value={activeId ?? ''}
        onChange={(e) => onOpen(views.data?.find((v) => v.id === e.target.value) ?? null)}
      >
        <option value="">{t('list.allClients')}</option>
        {views.data?.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      {active ? (
        <button
          type="button"
          className="link"
          title={t('list.deleteView', { name: active.name })}
          onClick={() => remove.mutate(active.id)}
        >
          ×
        </button>
      ) : null}
      {naming ? (
        <form
          className="row"
          onSubmit={submit}
          onKeyDown={(e) => e.key === 'Escape' && setNaming(false)}
        >
          <input
            name="view-name"
            aria-label={t('list.viewName')}
            placeholder={t('list.viewName')}
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="primary">
            {t('list.save')}
          </button>
          {save.error ? (
            <span className="field-error" role="alert">
              {save.error instanceof ApiError
                ? (save.error.messageFor('name') ?? save.error.message)
                : String(save.error)}
            </span>
          ) : null}
        </form>
      ) : (
        <button
          type="button"
          className="link"
          title={t('list.saveViewAs')}
          onClick={() => setNaming(true)}
        >
          {t('list.saveView')}
        </button>
      )}
    </div>
  );
}
