/** The client card: the portrait on the left, its change history on the right. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Client, ClientPatch } from '../../../../electron/api/contract';
import { CLIENT_KINDS, STAGES } from '../../../../electron/api/contract/enums';
import { api, ApiError } from '../../api/client';
import { formatDate } from '../../lib/format';
import { EditableField, type EditorKind } from './EditableField';
import { HistoryPanel } from './HistoryPanel';

type TextField =
  | 'company'
  | 'position'
  | 'phone'
  | 'phone2'
  | 'email'
  | 'address'
  | 'birthday'
  | 'channel'
  | 'lostReason'
  | 'note'
  | 'externalId'
  | 'taxId';

const CONTACTS: { field: TextField; kind?: EditorKind; copyable?: boolean }[] = [
  { field: 'phone', copyable: true },
  { field: 'phone2', copyable: true },
  { field: 'email' },
  { field: 'address' },
];
const ABOUT: { field: TextField; kind?: EditorKind }[] = [
  { field: 'position' },
  { field: 'birthday', kind: 'date' },
  { field: 'channel' },
  { field: 'externalId' },
  { field: 'taxId' },
  { field: 'note', kind: 'textarea' },
];

export function ClientCard() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const client = useQuery({
    queryKey: ['client', id],
    queryFn: () => api.call('clients.get', { id }),
  });
  const update = useMutation({
    mutationFn: (patch: ClientPatch) => api.call('clients.update', { id, patch }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['client', id], updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['history', id] }),
        queryClient.invalidateQueries({ queryKey: ['clients.list'] }),
      ]);
    },
  });

  /** Saves one field; a refusal becomes the message under that field. */
  const saveField = (field: keyof ClientPatch) => async (text: string) => {
    const value =
      field === 'tags'
        ? text
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : text;
    try {
      await update.mutateAsync({ [field]: value });
    } catch (error) {
      if (error instanceof ApiError) {
        throw new Error(
          error.messageFor(`patch.${field}`) ?? error.messageFor(field) ?? error.message,
        );
      }
      throw error;
    }
  };

  if (client.isPending) return <p className="page muted">{t('app.loading')}</p>;
  if (client.error) {
    return (
      <section className="page">
        <Link to="/clients">← {t('card.back')}</Link>
        <p className="error" role="alert">
          {client.error instanceof ApiError && client.error.code === 'not_found'
            ? t('card.notFound')
            : client.error.message}
        </p>
      </section>
    );
  }
  const c: Client = client.data;
  const text = (field: TextField) => c[field] ?? '';

  return (
    <section className="page card">
      <Link to="/clients" className="card__back">
        ← {t('card.back')}
      </Link>
      <div className="card__columns">
        <div className="card__portrait">
          <EditableField
            field="name"
            label={t('fields.name')}
            value={c.name}
            onSave={saveField('name')}
            large
          />
          <EditableField
            field="company"
            label={t('fields.company')}
            value={text('company')}
            onSave={saveField('company')}
          />
          <div className="card__badges">
            <span className={`badge badge--${c.stage}`} data-testid="stage-badge">
              {t(`stages.${c.stage}`)}
            </span>
          </div>
          <h3>{t('card.contacts')}</h3>
          {CONTACTS.map(({ field, kind, copyable }) => (
            <EditableField
              key={field}
              field={field}
              label={t(`fields.${field}`)}
              value={text(field)}
              {...(kind ? { kind } : {})}
              copyable={copyable ?? false}
              onSave={saveField(field)}
            />
          ))}
          <h3>{t('card.about')}</h3>
          <EditableField
            field="stage"
            label={t('fields.stage')}
            kind="select"
            value={c.stage}
            display={t(`stages.${c.stage}`)}
            options={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            onSave={saveField('stage')}
          />
          {c.stage === 'lost' ? (
            <EditableField
              field="lostReason"
              label={t('fields.lostReason')}
              value={text('lostReason')}
              onSave={saveField('lostReason')}
            />
          ) : null}
          <EditableField
            field="kind"
            label={t('fields.kind')}
            kind="select"
            value={c.kind}
            display={t(`kinds.${c.kind}`)}
            options={CLIENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            onSave={saveField('kind')}
          />
          {ABOUT.map(({ field, kind }) => (
            <EditableField
              key={field}
              field={field}
              label={t(`fields.${field}`)}
              value={text(field)}
              display={field === 'birthday' ? formatDate(c.birthday) : undefined}
              {...(kind ? { kind } : {})}
              onSave={saveField(field)}
            />
          ))}
          <EditableField
            field="tags"
            label={t('fields.tags')}
            value={c.tags.join(', ')}
            onSave={saveField('tags')}
          />
        </div>
        <HistoryPanel clientId={id} />
      </div>
    </section>
  );
}
