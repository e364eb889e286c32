/**
 * What the list can show, filter and sort by: standard fields, custom fields and related
 * figures, each with a kind that decides its filter operators and value editor.
 */
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ClientListRow,
  FieldDef,
  FilterOp,
  ManagerName,
} from '../../../../../electron/api/contract';
import { CLIENT_KINDS, STAGES } from '../../../../../electron/api/contract/enums';
import { channelQuery } from '../../../api/channel-query';
import { formatDate, formatMoney } from '../../../lib/format';
import { TEXT_FIELDS } from '../../../../../kernel/client-fields';

export type FieldKind =
  'text' | 'enum' | 'date' | 'number' | 'money' | 'boolean' | 'tags' | 'multi';

export interface CatalogField {
  key: string;
  label: string;
  kind: FieldKind;
  options?: { value: string; label: string }[];
  /** The cell text of a row. */
  show: (row: ClientListRow) => string;
  align?: 'right';
  /** Offered in the filters only, not as a column. */
  filterOnly?: true;
}

export const OPS_BY_KIND: Record<FieldKind, FilterOp[]> = {
  text: ['contains', 'eq', 'neq', 'empty', 'notEmpty'],
  enum: ['eq', 'neq', 'empty', 'notEmpty'],
  date: ['lt', 'gt', 'lte', 'gte', 'eq', 'empty', 'notEmpty'],
  number: ['gte', 'lte', 'gt', 'lt', 'eq', 'empty', 'notEmpty'],
  money: ['gte', 'lte', 'gt', 'lt', 'eq'],
  boolean: ['eq'],
  tags: ['contains', 'empty', 'notEmpty'],
  multi: ['contains', 'empty', 'notEmpty'],
};

/** The words of an operator for a field: dates read "before / after", numbers "less / more". */
export function opLabel(
  t: (key: string) => string,
  kind: FieldKind | undefined,
  op: FilterOp,
): string {
  const dated = kind === 'date' && ['lt', 'lte', 'gt', 'gte', 'eq'].includes(op);
  return t(dated ? `list.dateOps.${op}` : `list.ops.${op}`);
}

export const DEFAULT_COLUMNS = [
  'name',
  'company',
  'phone',
  'email',
  'stage',
  'managerId',
  'lastPurchase',
  'updatedAt',
];

export function useManagers() {
  return useQuery(channelQuery('managers.names', {}));
}

export function useFields() {
  return useQuery(channelQuery('fields.list', { includeRetired: false }));
}

function customField(def: FieldDef, yes: string, no: string): CatalogField {
  const kinds: Record<FieldDef['type'], FieldKind> = {
    text: 'text',
    number: 'number',
    money: 'money',
    date: 'date',
    boolean: 'boolean',
    choice: 'enum',
    multichoice: 'multi',
  };
  const value = (row: ClientListRow) => row.custom[def.key] ?? null;
  return {
    key: `custom.${def.key}`,
    label: def.label,
    kind: kinds[def.type],
    ...(def.options.length > 0
      ? { options: def.options.map((o) => ({ value: o, label: o })) }
      : {}),
    ...(def.type === 'number' || def.type === 'money' ? { align: 'right' as const } : {}),
    show: (row) => {
      const v = value(row);
      if (v === null) return '';
      if (def.type === 'money' && typeof v === 'number') return formatMoney(v);
      if (def.type === 'date' && typeof v === 'string') return formatDate(v);
      if (def.type === 'boolean') return v ? yes : no;
      if (Array.isArray(v)) return v.join(', ');
      return String(v);
    },
  };
}

/** Every field of the catalogue, standard first, then related figures, then custom fields. */
export function useCatalog(): CatalogField[] {
  const { t } = useTranslation();
  const managers = useManagers().data;
  const fields = useFields().data;
  // Built again only when the language or an answer changes, not at every render of the list
  // (a start renders it several times, and each build looks up some forty words).
  return useMemo(() => catalogOf(t, managers ?? [], fields ?? []), [t, managers, fields]);
}

function catalogOf(t: TFunction, managers: ManagerName[], fields: FieldDef[]): CatalogField[] {
  // A row's stage and kind shown from these, not looked up again for every row.
  const stageLabel = new Map<string, string>(STAGES.map((s) => [s, t(`stages.${s}`)]));
  const kindLabel = new Map<string, string>(CLIENT_KINDS.map((k) => [k, t(`kinds.${k}`)]));
  const managerName = new Map(managers.map((m: ManagerName) => [m.id, m.name]));
  const text = TEXT_FIELDS.map((key) => ({
    key,
    label: t(`fields.${key}`),
    kind: 'text' as const,
    show: (row: ClientListRow) => row[key] ?? '',
  }));
  return [
    ...text,
    {
      key: 'stage',
      label: t('fields.stage'),
      kind: 'enum',
      options: STAGES.map((s) => ({ value: s, label: stageLabel.get(s) ?? s })),
      show: (row) => stageLabel.get(row.stage) ?? row.stage,
    },
    {
      key: 'kind',
      label: t('fields.kind'),
      kind: 'enum',
      options: CLIENT_KINDS.map((k) => ({ value: k, label: kindLabel.get(k) ?? k })),
      show: (row) => kindLabel.get(row.kind) ?? row.kind,
    },
    {
      key: 'managerId',
      label: t('fields.managerId'),
      kind: 'enum',
      options: managers.map((m) => ({ value: m.id, label: m.name })),
      show: (row) => (row.managerId ? (managerName.get(row.managerId) ?? '') : ''),
    },
    { key: 'tags', label: t('fields.tags'), kind: 'tags', show: (row) => row.tags.join(', ') },
    {
      key: 'birthday',
      label: t('fields.birthday'),
      kind: 'date',
      show: (row) => formatDate(row.birthday),
    },
    {
      key: 'updatedAt',
      label: t('fields.updatedAt'),
      kind: 'date',
      show: (row) => formatDate(row.updatedAt),
      align: 'right',
    },
    {
      key: 'lastPurchase',
      label: t('list.related.lastPurchase'),
      kind: 'date',
      show: (row) => formatDate(row.lastPurchase),
      align: 'right',
    },
    {
      key: 'revenueYear',
      label: t('list.related.revenueYear'),
      kind: 'money',
      show: (row) => (row.revenueYear ? formatMoney(row.revenueYear) : ''),
      align: 'right',
    },
    {
      key: 'lastContact',
      label: t('list.related.lastContact'),
      kind: 'date',
      show: (row) => formatDate(row.lastContact),
      align: 'right',
    },
    {
      // Days to the next birthday ("≤ 7": within a week), computed by the query for the filter.
      key: 'birthdayIn',
      label: t('list.related.birthdayIn'),
      kind: 'number',
      show: () => '',
      filterOnly: true,
    },
    {
      key: 'suggestedStage',
      label: t('list.related.suggestedStage'),
      kind: 'enum',
      options: STAGES.map((s) => ({ value: s, label: stageLabel.get(s) ?? s })),
      show: (row) =>
        row.suggestedStage ? (stageLabel.get(row.suggestedStage) ?? row.suggestedStage) : '',
    },
    ...fields.map((f) => customField(f, t('list.yes'), t('list.no'))),
  ];
}
