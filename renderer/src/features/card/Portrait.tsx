/**
 * The left column: name and company with the stage and latest NPS badges, a suggested stage,
 * contacts, the client's standard fields and the owner's custom fields, every one edited in
 * place, then the client's NPS answers.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  Client,
  ClientPatch,
  FieldDef,
  LostReason,
  ManagerName,
} from '../../../../electron/api/contract';
import { CLIENT_KINDS } from '../../../../electron/api/contract/enums';
import { formatDate } from '../../lib/format';
import { EditableField, type EditorKind } from '../clients/EditableField';
import { CustomFields } from './CustomFields';
import { NpsBadge, NpsBlock } from './NpsBlock';
import { StageField } from './StageField';
import { SuggestedStage } from './SuggestedStage';
import { TouchMix } from './TouchMix';

type TextField =
  | 'company'
  | 'position'
  | 'phone'
  | 'phone2'
  | 'email'
  | 'address'
  | 'birthday'
  | 'channel'
  | 'note'
  | 'externalId'
  | 'taxId';

const CONTACTS: { field: TextField; copyable?: boolean }[] = [
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

interface Props {
  client: Client;
  fields: FieldDef[];
  managers: ManagerName[];
  lostReasons: LostReason[];
  readOnly: boolean;
  /** Saves a patch; rejects with the message for the first of `paths` the API names. */
  save: (patch: ClientPatch, paths: string[]) => Promise<void>;
}

export function Portrait({ client: c, fields, managers, lostReasons, readOnly, save }: Props) {
  const { t } = useTranslation();

  const saveField = (field: keyof ClientPatch) => (text: string) => {
    const value =
      field === 'tags'
        ? text
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : field === 'managerId'
          ? text || null
          : text;
    return save({ [field]: value }, [`patch.${field}`, field]);
  };
  const text = (field: TextField) => c[field] ?? '';

  const manager = managers.find((m) => m.id === c.managerId);
  const managerOptions = [
    { value: '', label: t('cardx.noManager') },
    ...managers
      .filter((m) => m.active || m.id === c.managerId)
      .map((m) => ({
        value: m.id,
        label: m.active ? m.name : t('cardx.inactive', { name: m.name }),
      })),
  ];
  const reasonOptions = [
    ...lostReasons.filter((r) => r.active).map((r) => ({ value: r.label, label: r.label })),
    ...(c.lostReason && !lostReasons.some((r) => r.active && r.label === c.lostReason)
      ? [{ value: c.lostReason, label: c.lostReason }]
      : []),
  ];
  const suggested = readOnly ? null : c.suggestedStage;

  return (
    <div className="card__portrait">
      <EditableField
        field="name"
        label={t('fields.name')}
        value={c.name}
        onSave={saveField('name')}
        readOnly={readOnly}
        large
      />
      <EditableField
        field="company"
        label={t('fields.company')}
        value={text('company')}
        onSave={saveField('company')}
        readOnly={readOnly}
      />
      <div className="card__badges">
        <span className={`badge badge--${c.stage}`} data-testid="stage-badge">
          {t(`stages.${c.stage}`)}
        </span>
        {manager ? <span className="badge">{manager.name}</span> : null}
        <NpsBadge clientId={c.id} />
      </div>
      {suggested ? <SuggestedStage clientId={c.id} stage={suggested} /> : null}

      {readOnly ? null : <TouchMix clientId={c.id} />}

      <h3>{t('card.contacts')}</h3>
      {CONTACTS.map(({ field, copyable }) => (
        <EditableField
          key={field}
          field={field}
          label={t(`fields.${field}`)}
          value={text(field)}
          copyable={copyable ?? false}
          link={contactLink(field, text(field), t)}
          onSave={saveField(field)}
          readOnly={readOnly}
        />
      ))}

      <h3>{t('card.about')}</h3>
      <StageField stage={c.stage} lostReasons={lostReasons} readOnly={readOnly} onSave={save} />
      {c.stage === 'lost' ? (
        <EditableField
          field="lostReason"
          label={t('fields.lostReason')}
          kind={readOnly ? 'text' : 'select'}
          value={c.lostReason ?? ''}
          options={reasonOptions}
          onSave={saveField('lostReason')}
          readOnly={readOnly}
        />
      ) : null}
      <EditableField
        field="managerId"
        label={t('cardx.manager')}
        kind="select"
        value={c.managerId ?? ''}
        display={manager?.name ?? c.managerId ?? ''}
        options={managerOptions}
        onSave={saveField('managerId')}
        readOnly={readOnly}
      />
      <EditableField
        field="kind"
        label={t('fields.kind')}
        kind="select"
        value={c.kind}
        display={t(`kinds.${c.kind}`)}
        options={CLIENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        onSave={saveField('kind')}
        readOnly={readOnly}
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
          readOnly={readOnly}
        />
      ))}
      <EditableField
        field="tags"
        label={t('fields.tags')}
        value={c.tags.join(', ')}
        onSave={saveField('tags')}
        readOnly={readOnly}
      />

      <CustomFields
        fields={fields}
        values={c.custom}
        readOnly={readOnly}
        onSave={(key, value) =>
          save({ custom: { [key]: value } }, [`patch.custom.${key}`, `custom.${key}`])
        }
      />

      <NpsBlock clientId={c.id} readOnly={readOnly} />
    </div>
  );
}

/** A phone is called and an e-mail written to from the card (the system's phone or mail program). */
function contactLink(field: string, value: string, t: TFunction) {
  if (!value) return null;
  if (field === 'phone' || field === 'phone2') {
    const dial = value.replace(/[^\d+]/g, '');
    return dial ? { href: `tel:${dial}`, label: t('card.call') } : null;
  }
  if (field === 'email') return { href: `mailto:${value.trim()}`, label: t('card.write') };
  return null;
}
