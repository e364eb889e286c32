/**
 * What an import can fill: the fields of each target (clients, sales) with their labels in both
 * languages, and the headers of Russian and English spreadsheets, 1C and CRM exports that mean
 * each field, so the mapping is suggested before the user touches it.
 */
import type { FieldDef, ImportTarget, Locale } from '../../api/contract';

export type { ImportTarget };

export type ValueKind =
  | 'text'
  | 'phone'
  | 'email'
  | 'date'
  | 'money'
  | 'number'
  | 'manager'
  | 'stage'
  | 'kind'
  | 'tags'
  | 'custom';

export interface TargetField {
  key: string;
  kind: ValueKind;
  label: Record<Locale, string>;
  required?: boolean;
  /** Sales: a column that finds the client the sale belongs to. */
  clientKey?: boolean;
  synonyms: string[];
  /** Custom fields only. */
  def?: FieldDef;
}

const f = (
  key: string,
  kind: ValueKind,
  en: string,
  ru: string,
  synonyms: string[],
  extra: Partial<TargetField> = {},
): TargetField => ({ key, kind, label: { en, ru }, synonyms, ...extra });

const NAME = [
  'name',
  'full name',
  'client',
  'client name',
  'customer',
  'customer name',
  'contact',
  'фио',
  'ф.и.о.',
  'имя',
  'клиент',
  'наименование',
  'контрагент',
  'покупатель',
  'заказчик',
  'фамилия имя отчество',
  'наименование клиента',
  'название',
];
const PHONE = [
  'phone',
  'tel',
  'telephone',
  'mobile',
  'mobile phone',
  'cell',
  'phone number',
  'телефон',
  'тел',
  'тел.',
  'мобильный',
  'моб',
  'сотовый',
  'номер телефона',
  'мобильный телефон',
  'телефон клиента',
];
const EMAIL = [
  'email',
  'e-mail',
  'mail',
  'email address',
  'почта',
  'электронная почта',
  'емейл',
  'эл. почта',
  'e-mail клиента',
  'email клиента',
];
const EXTERNAL_ID = [
  'external id',
  'id',
  'code',
  'client code',
  'client id',
  'customer id',
  'customer code',
  'account',
  'код',
  'код клиента',
  'идентификатор',
  'номер клиента',
  'код контрагента',
  'id клиента',
  'карта',
  'номер карты',
];
/** The app's own exports name the client's id so; it matches existing clients only. */
const KARTOTEKA_ID = [
  'kartoteka id',
  'id в картотеке',
  'ид в картотеке',
  'идентификатор в картотеке',
  'client kartoteka id',
  'client’s kartoteka id',
  'id клиента в картотеке',
];
const TAX_ID = ['tax id', 'inn', 'vat', 'vat number', 'инн', 'инн клиента', 'инн контрагента'];
const MANAGER = [
  'manager',
  'responsible',
  'owner',
  'sales rep',
  'account manager',
  'менеджер',
  'ответственный',
  'ответственный менеджер',
  'продавец',
  'мастер',
];

export const CLIENT_TARGET: TargetField[] = [
  f('name', 'text', 'Name', 'Имя / название', NAME, { required: true }),
  f('kind', 'kind', 'Type', 'Тип', [
    'kind',
    'type',
    'client type',
    'тип',
    'тип клиента',
    'вид',
    'лицо',
    'person or company',
  ]),
  f('company', 'text', 'Company', 'Компания', [
    'company',
    'organization',
    'organisation',
    'компания',
    'организация',
    'фирма',
    'юрлицо',
  ]),
  f('position', 'text', 'Position', 'Должность', ['position', 'title', 'job title', 'должность']),
  f('phone', 'phone', 'Phone', 'Телефон', PHONE),
  f('phone2', 'phone', 'Second phone', 'Второй телефон', [
    'phone 2',
    'phone2',
    'second phone',
    'other phone',
    'work phone',
    'телефон 2',
    'телефон2',
    'доп. телефон',
    'дополнительный телефон',
    'рабочий телефон',
  ]),
  f('email', 'email', 'Email', 'Почта', EMAIL),
  f('address', 'text', 'Address', 'Адрес', ['address', 'адрес', 'адрес доставки', 'город']),
  f('birthday', 'date', 'Birthday', 'День рождения', [
    'birthday',
    'birth date',
    'date of birth',
    'dob',
    'день рождения',
    'дата рождения',
    'др',
  ]),
  f('channel', 'text', 'Acquisition channel', 'Канал привлечения', [
    'channel',
    'source',
    'lead source',
    'acquisition channel',
    'источник',
    'канал',
    'канал привлечения',
    'откуда узнал',
    'откуда узнали',
    'откуда пришел',
    'came from',
  ]),
  f('manager', 'manager', 'Manager (name)', 'Менеджер (имя)', MANAGER),
  f('stage', 'stage', 'Stage', 'Этап', [
    'stage',
    'status',
    'lifecycle stage',
    'этап',
    'стадия',
    'статус',
  ]),
  f('lostReason', 'text', 'Lost reason', 'Причина потери', [
    'lost reason',
    'churn reason',
    'причина ухода',
    'причина потери',
    'причина отказа',
  ]),
  f('tags', 'tags', 'Tags', 'Теги', ['tags', 'tag', 'labels', 'теги', 'метки', 'тег']),
  f('note', 'text', 'Note', 'Заметка', [
    'note',
    'notes',
    'comment',
    'comments',
    'description',
    'примечание',
    'заметка',
    'комментарий',
    'описание',
  ]),
  f('externalId', 'text', 'Client code', 'Код клиента', EXTERNAL_ID),
  f('taxId', 'text', 'Tax id (INN)', 'ИНН', TAX_ID),
  f('id', 'text', 'Kartoteka ID', 'ID в Картотеке', KARTOTEKA_ID),
];

export const SALE_TARGET: TargetField[] = [
  f('id', 'text', 'Client’s Kartoteka ID', 'ID клиента в Картотеке', KARTOTEKA_ID, {
    clientKey: true,
  }),
  f('externalId', 'text', 'Client code', 'Код клиента', EXTERNAL_ID, { clientKey: true }),
  f('phone', 'phone', 'Client phone', 'Телефон клиента', PHONE, { clientKey: true }),
  f('email', 'email', 'Client email', 'Почта клиента', EMAIL, { clientKey: true }),
  f('taxId', 'text', 'Client tax id (INN)', 'ИНН клиента', TAX_ID, { clientKey: true }),
  f(
    'date',
    'date',
    'Date',
    'Дата',
    [
      'date',
      'sale date',
      'order date',
      'purchase date',
      'invoice date',
      'дата',
      'дата продажи',
      'дата документа',
      'дата заказа',
      'дата покупки',
      'дата чека',
    ],
    { required: true },
  ),
  f(
    'amount',
    'money',
    'Amount',
    'Сумма',
    [
      'amount',
      'sum',
      'total',
      'revenue',
      'sales',
      'value',
      'сумма',
      'выручка',
      'стоимость',
      'итого',
      'сумма продажи',
      'сумма с ндс',
      'сумма покупки',
    ],
    { required: true },
  ),
  f('margin', 'money', 'Margin', 'Маржа', [
    'margin',
    'profit',
    'gross profit',
    'маржа',
    'прибыль',
    'валовая прибыль',
    'доход',
  ]),
  f('category', 'text', 'Category', 'Категория', [
    'category',
    'product category',
    'group',
    'категория',
    'группа',
    'группа товаров',
    'номенклатурная группа',
    'направление',
  ]),
  f('product', 'text', 'Product', 'Товар', [
    'product',
    'item',
    'sku',
    'goods',
    'service',
    'товар',
    'номенклатура',
    'продукт',
    'услуга',
    'наименование товара',
  ]),
  f('quantity', 'number', 'Quantity', 'Количество', [
    'quantity',
    'qty',
    'count',
    'units',
    'количество',
    'кол-во',
    'колво',
    'шт',
  ]),
  f('docNo', 'text', 'Document no.', 'Номер документа', [
    'doc no',
    'document',
    'document no',
    'invoice',
    'invoice no',
    'order',
    'order no',
    'receipt',
    'номер документа',
    'документ',
    'номер',
    'счет',
    'номер заказа',
    'чек',
    'номер чека',
  ]),
  f('manager', 'manager', 'Manager (name)', 'Менеджер (имя)', MANAGER),
];

/** The fields of a target, with the workbook's custom fields for clients. */
export function targetFields(target: ImportTarget, custom: FieldDef[]): TargetField[] {
  if (target === 'sales') return SALE_TARGET;
  return [
    ...CLIENT_TARGET,
    ...custom
      .filter((d) => !d.retiredAt)
      .map((def) =>
        f(`custom.${def.key}`, 'custom', def.label, def.label, [def.label, def.key], { def }),
      ),
  ];
}

/** A header as compared: lower case, ё as е, only letters and digits. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The field each header most likely means: a mapping the user saved for this header wins, then
 * an exact synonym; each field is suggested for one column only (the first).
 */
export function suggestMapping(
  headers: string[],
  fields: TargetField[],
  saved: Record<string, string>,
): Record<string, string | null> {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const bySynonym = new Map<string, string>();
  for (const field of fields) {
    for (const s of field.synonyms)
      if (!bySynonym.has(headerKey(s))) bySynonym.set(headerKey(s), field.key);
  }
  const used = new Set<string>();
  const out: Record<string, string | null> = {};
  for (const header of headers) {
    const k = headerKey(header);
    const remembered = saved[k];
    const guess =
      remembered !== undefined && (remembered === '' || byKey.has(remembered))
        ? remembered
        : (bySynonym.get(k) ?? null);
    if (guess && !used.has(guess)) {
      out[header] = guess;
      used.add(guess);
    } else {
      out[header] = null;
    }
  }
  return out;
}
