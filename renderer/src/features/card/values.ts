/**
 * How stored values read on the card, in the feed and in the history: custom values by their
 * field's type, manager ids as names, stages and kinds in words, dates in the user's format.
 */
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import type { FieldDef, HistoryEntry, ManagerName } from '../../../../electron/api/contract';
import { formatDate } from '../../lib/format';
import { formatMoney, formatNumber } from '../../lib/money';

/** Any stored value as plain text. */
function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A custom value as text; '' when there is none. */
export function showCustom(def: FieldDef | undefined, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (typeof value === 'number' && def?.type === 'money') return formatMoney(value);
  if (typeof value === 'number' && def?.type === 'number') return formatNumber(value);
  if (typeof value === 'string' && def?.type === 'date') return formatDate(value);
  if (typeof value === 'boolean') return value ? t('cardx.yes') : t('cardx.no');
  return plain(value);
}

/** Everything needed to put a change into words. */
export interface Lookups {
  fields: FieldDef[];
  managers: ManagerName[];
}

/**
 * An import's one line for the sales it added to a client (its new value lists their ids):
 * «Импорт «file.csv»: добавлено 20 продаж».
 */
export function importedSales(entry: HistoryEntry, t: TFunction): string {
  const count = Array.isArray(entry.newValue) ? entry.newValue.length : 0;
  return t('sales.importedSales', { count, n: formatNumber(count), file: entry.batchLabel ?? '' });
}

/** The name of the changed field: "Phone", "Area, m²", "Comment". */
export function changeLabel(
  entry: Pick<HistoryEntry, 'entity' | 'field'>,
  lookups: Lookups,
  t: TFunction,
): string {
  if (entry.entity === 'reminder') {
    return t(`cardx.reminderFields.${entry.field}`, { defaultValue: entry.field });
  }
  if (entry.entity === 'comment') {
    return t(`cardx.commentFields.${entry.field}`, { defaultValue: entry.field });
  }
  if (entry.entity === 'sale') return t('sales.changeOf', { field: saleField(entry.field, t) });
  // An import's one line listing a client's new sales.
  if (entry.entity === 'sales') return t('sales.changeOf', { field: saleField('created', t) });
  if (entry.entity === 'plan') return t(`sales.plan.${entry.field}`, { defaultValue: entry.field });
  if (entry.field.startsWith('custom.')) {
    const key = entry.field.slice('custom.'.length);
    return lookups.fields.find((f) => f.key === key)?.label ?? key;
  }
  if (entry.field === 'managerId') return t('cardx.manager');
  if (entry.field === 'deletedAt') return t('cardx.feed.trashField');
  return t(`fields.${entry.field}`, { defaultValue: entry.field });
}

/** A sale's field as the sale form names it, in lower case after "Sale, ". */
function saleField(field: string, t: TFunction): string {
  if (field === 'created') return t('sales.changeCreated');
  if (field === 'deletedAt') return t('sales.changeDeleted');
  if (field === 'managerId') return t('cardx.manager').toLowerCase();
  return t(`sales.form.${field}`, { defaultValue: field }).toLowerCase();
}

/** A sale's or a plan's value: money in roubles, dates and quantities as the user reads them. */
function recordValue(field: string, value: unknown, t: TFunction): string | null {
  if (typeof value === 'number' && ['amount', 'margin', 'plan', 'potential'].includes(field))
    return formatMoney(value);
  if (typeof value === 'number' && field === 'quantity') return formatNumber(value);
  if (typeof value === 'string' && (field === 'date' || field === 'deletedAt'))
    return formatDate(value);
  if (typeof value === 'boolean') return value ? t('cardx.yes') : t('cardx.no');
  return null;
}

/** One side of a change as text; the word for "empty" when there is nothing. */
export function changeValue(
  entry: HistoryEntry,
  value: unknown,
  lookups: Lookups,
  t: TFunction,
): string {
  const empty = t('history.none');
  if (entry.entity === 'client' && entry.field === 'deletedAt')
    return value ? t('cardx.yes') : t('cardx.no');
  if (value === null || value === undefined || value === '') return empty;
  if (entry.entity === 'reminder') {
    if (typeof value !== 'string') return plain(value);
    if (entry.field === 'title') return value;
    // A due or snooze may carry a local time; done and deleted are moments.
    return value.length > 10 && !value.endsWith('Z')
      ? `${formatDate(value.slice(0, 10))} ${value.slice(11, 16)}`
      : formatDate(value);
  }
  if (entry.entity === 'comment') {
    if (entry.field === 'kind' && typeof value === 'string')
      return t(`cardx.kinds.${value}`, { defaultValue: value });
    if (entry.field === 'touch' && typeof value === 'string')
      return t(`cardx.touches.${value}`, { defaultValue: value });
    if (entry.field === 'deletedAt' && typeof value === 'string') return formatDate(value);
    return plain(value);
  }
  if (entry.entity === 'sale' || entry.entity === 'plan') {
    const text = recordValue(entry.field, value, t);
    if (text !== null) return text;
  }
  if (entry.field.startsWith('custom.')) {
    const key = entry.field.slice('custom.'.length);
    return showCustom(
      lookups.fields.find((f) => f.key === key),
      value,
      t,
    );
  }
  if (entry.field === 'managerId' && typeof value === 'string')
    return lookups.managers.find((m) => m.id === value)?.name ?? value;
  if (entry.field === 'stage' && typeof value === 'string')
    return t(`stages.${value}`, { defaultValue: value });
  if (entry.field === 'kind' && typeof value === 'string')
    return t(`kinds.${value}`, { defaultValue: value });
  if (entry.field === 'birthday' && typeof value === 'string') return formatDate(value);
  if (Array.isArray(value)) return value.map(plain).join(', ');
  return plain(value);
}

/** "12 Nov 14:03" this year, "12 Nov 2025, 14:03" before: the feed's short moment. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  const months = i18next.t('months', { returnObjects: true }) as unknown as string[];
  const month = months[date.getMonth()] ?? '';
  const time = date.toLocaleTimeString(i18next.language === 'en' ? 'en-US' : 'ru-RU', {
    hour: '2-digit',
    minute: '2-digit',
  });
  const sameYear = date.getFullYear() === new Date().getFullYear();
  const day =
    i18next.language === 'en' ? `${month} ${date.getDate()}` : `${date.getDate()} ${month}`;
  return sameYear ? `${day} ${time}` : `${day} ${date.getFullYear()}, ${time}`;
}
