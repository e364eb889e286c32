/**
 * Messages the main process returns to the user, in Russian and English. The renderer has its
 * own catalogue for its screens; these are the words of errors that cross the boundary.
 */
import type { Locale } from './contract';
import { fill } from './message-format';
import { exportEn, exportRu } from './messages-export';
import { importEn, importRu } from './messages-import';
import { analyticsEn, analyticsRu } from './messages-analytics';
import { desktopEn, desktopRu } from './messages-desktop';
import { workbookEn, workbookRu } from './messages-workbook';
import { portableEn, portableRu } from './messages-portable';
import { backupsEn, backupsRu } from './messages-backups';
import { passwordEn, passwordRu } from './messages-password';
import { exchangeEn, exchangeRu } from './messages-exchange';
import { syncEn, syncRu } from './messages-sync';
import { campaignsEn, campaignsRu } from './messages-campaigns';

const en = {
  unknown_channel: 'Unknown channel "{channel}".',
  invalid_input: 'Some of the data is not valid: {details}',
  invalid_json: 'The request body is not valid JSON.',
  body_not_utf8: 'The request body is not UTF-8 text.',
  bad_request: 'The request is malformed: its address or parameters are not valid.',
  wrong_token:
    'This page holds the key of an earlier start of Kartoteka. Open the address it printed at this start (the one with #token=…).',
  too_large: 'The request is too large (more than {max:bytes}).',
  internal: 'Something went wrong inside Kartoteka. Nothing was saved. Details: {details}',
  disk_full:
    'The disk is full, so nothing was saved. Free some space on the disk that holds the workbook ({path}) by deleting or moving files you do not need, then try again.',
  required: 'This field is required.',
  wrong_type: 'Expected {expected}.',
  too_long: 'At most {max} {max|character|characters}.',
  too_long_list: 'At most {max} {max|item|items}.',
  too_small_number: 'Must be at least {min}.',
  too_big_number: 'Must be at most {max}.',
  not_integer: 'Must be a whole number.',
  unknown_field: 'Unknown field: {keys}.',
  one_of: 'Must be one of: {values}.',
  invalid_value: 'This value is not valid.',
  phone_chars: 'A phone number may contain only digits, spaces, +, -, ( and ).',
  phone_short: 'A phone number needs at least 5 digits.',
  phone_long: 'A phone number has at most 15 digits.',
  email: 'This is not an email address (expected name@example.com).',
  date_invalid: 'Not a real date (expected YYYY-MM-DD, e.g. 1990-02-28).',
  birthday_range: 'A birthday must be between 1900-01-01 and today.',
  patch_empty: 'Nothing to change: the patch is empty.',
  client_not_found: 'Client not found (it may have been deleted).',
  manager_not_found: 'Manager not found.',
  external_id_taken: 'The code "{value}" already belongs to client "{name}".',
  workbook_unavailable: 'The workbook is not open.',
  filter_field: 'Cannot filter or sort by "{field}": no such field.',
  filter_value: 'The filter on "{field}" ({op}) needs a different value.',
  lost_reason_required: 'Choose why the client was lost.',
  field_not_found: 'There is no custom field "{key}".',
  field_type_fixed: 'The type of field "{key}" cannot be changed; define a new field instead.',
  field_options_required: 'A choice field needs at least one option.',
  field_key:
    'A key is lower-case latin letters, digits and _, starting with a letter (e.g. shop_area).',
  custom_unknown: 'There is no custom field "{key}"; define it in Settings first.',
  custom_retired: 'The field "{label}" is retired; bring it back in Settings to change it.',
  custom_text: '"{label}" expects text.',
  custom_number: '"{label}" expects a number.',
  custom_money: '"{label}" expects an amount in kopecks/cents (a whole number).',
  custom_boolean: '"{label}" expects yes or no.',
  custom_choice: '"{label}" expects one of: {options}.',
  bulk_target: 'Say which clients: either a selection (ids) or a filter, not both.',
  comment_not_found: 'Comment not found (it may have been deleted).',
  change_not_found: 'That change is not in the history.',
  revert_not_possible: 'This change cannot be restored.',
  revert_creation_client:
    'This entry records the creation of the client; it cannot be restored. To remove the client, delete the card.',
  revert_creation_sale:
    'This entry records the creation of the sale; it cannot be restored. To remove the sale, delete it on the Sales tab.',
  batch_not_found: 'That batch of changes is not in the history.',
  batch_undone: 'This batch was already undone.',
  view_not_found: 'Saved view not found.',
  reason_not_found: 'Lost reason not found.',
  manager_same: 'Choose a different manager to hand the clients to.',
  due_invalid:
    'Not a real date and time (expected YYYY-MM-DD or YYYY-MM-DDTHH:mm, e.g. 2026-12-01T10:30).',
  due_range: 'The date must be between 1900 and 2199.',
  repeat_weekdays: 'Weekdays can be chosen only for a weekly repeat.',
  repeat_never: 'This repeat rule never fires: no date matches it.',
  repeat_until_before:
    'The repeat ends before the first reminder: move the end date after the due date.',
  reminder_not_found: 'Reminder not found (it may have been deleted).',
  notify_title: 'Reminder: {client}',
  sale_not_found: 'Sale not found (it may have been deleted).',
  sale_date_range: 'A sale date must be between 1900-01-01 and a year from today.',
  period_invalid: 'A period is a year (2026), a quarter (2026-Q2) or a month (2026-05).',
  potential_field_number:
    'Potential can be derived only from a number field; "{label}" is not one.',
  notify_missed_title: 'Missed while Kartoteka was closed: {count}',
  notify_missed_body: '{first} and others. Open Today to see them all.',
  ...importEn,
  ...analyticsEn,
  ...exportEn,
  ...desktopEn,
  ...workbookEn,
  ...portableEn,
  ...backupsEn,
  ...passwordEn,
  ...exchangeEn,
  ...syncEn,
  ...campaignsEn,
} as const;

export type MessageKey = keyof typeof en;

const ru: Record<MessageKey, string> = {
  unknown_channel: 'Неизвестный канал «{channel}».',
  invalid_input: 'Часть данных неверна: {details}',
  invalid_json: 'Тело запроса — не JSON.',
  body_not_utf8: 'Тело запроса — не текст в UTF-8.',
  bad_request: 'Запрос искажён: неверный адрес или параметры.',
  wrong_token:
    'У этой страницы ключ от прошлого запуска Картотеки. Откройте адрес, который она показала при этом запуске (тот, что с #token=…).',
  too_large: 'Запрос слишком большой (больше {max:bytes}).',
  internal: 'Внутренняя ошибка Картотеки. Ничего не сохранено. Подробности: {details}',
  disk_full:
    'Диск заполнен — ничего не сохранено. Освободите место на диске, где лежит рабочая книга ({path}): удалите или перенесите ненужные файлы — и повторите.',
  required: 'Обязательное поле.',
  wrong_type: 'Ожидается {expected}.',
  too_long: 'Максимум {max} {max|символ|символа|символов}.',
  too_long_list: 'Максимум {max} {max|элемент|элемента|элементов}.',
  too_small_number: 'Не меньше {min}.',
  too_big_number: 'Не больше {max}.',
  not_integer: 'Нужно целое число.',
  unknown_field: 'Неизвестное поле: {keys}.',
  one_of: 'Допустимые значения: {values}.',
  invalid_value: 'Недопустимое значение.',
  phone_chars: 'В телефоне допустимы только цифры, пробелы, +, -, ( и ).',
  phone_short: 'В телефоне должно быть не меньше 5 цифр.',
  phone_long: 'В телефоне не больше 15 цифр.',
  email: 'Это не адрес почты (ожидается имя@example.ru).',
  date_invalid: 'Такой даты нет (ожидается ГГГГ-ММ-ДД, например 1990-02-28).',
  birthday_range: 'День рождения — между 1900-01-01 и сегодняшним днём.',
  patch_empty: 'Нечего менять: изменений нет.',
  client_not_found: 'Клиент не найден (возможно, он удалён).',
  manager_not_found: 'Менеджер не найден.',
  external_id_taken: 'Код «{value}» уже у клиента «{name}».',
  workbook_unavailable: 'Рабочая книга не открыта.',
  filter_field: 'Нельзя отбирать или сортировать по «{field}»: такого поля нет.',
  filter_value: 'Для условия по «{field}» ({op}) нужно другое значение.',
  lost_reason_required: 'Укажите причину потери клиента.',
  field_not_found: 'Поля «{key}» нет.',
  field_type_fixed: 'Тип поля «{key}» изменить нельзя — создайте новое поле.',
  field_options_required: 'У поля с выбором должен быть хотя бы один вариант.',
  field_key:
    'Ключ — строчные латинские буквы, цифры и _, начинается с буквы (например, shop_area).',
  custom_unknown: 'Поля «{key}» нет — сначала создайте его в настройках.',
  custom_retired: 'Поле «{label}» скрыто — верните его в настройках, чтобы изменить.',
  custom_text: '«{label}» — текстовое поле.',
  custom_number: '«{label}» — нужно число.',
  custom_money: '«{label}» — нужна сумма в копейках (целое число).',
  custom_boolean: '«{label}» — нужно «да» или «нет».',
  custom_choice: '«{label}» — выберите из: {options}.',
  bulk_target: 'Укажите клиентов: либо выделение (ids), либо фильтр, но не оба сразу.',
  comment_not_found: 'Комментарий не найден (возможно, удалён).',
  change_not_found: 'Такого изменения нет в истории.',
  revert_not_possible: 'Это изменение нельзя вернуть.',
  revert_creation_client:
    'Это запись о создании клиента — её нельзя вернуть. Чтобы убрать клиента, удалите его карточку.',
  revert_creation_sale:
    'Это запись о создании продажи — её нельзя вернуть. Чтобы убрать продажу, удалите её на вкладке «Продажи».',
  batch_not_found: 'Такой группы изменений нет в истории.',
  batch_undone: 'Эта группа изменений уже отменена.',
  view_not_found: 'Сохранённый вид не найден.',
  reason_not_found: 'Причина потери не найдена.',
  manager_same: 'Выберите другого менеджера, которому передать клиентов.',
  due_invalid:
    'Такой даты или времени нет (ожидается ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ, например 2026-12-01T10:30).',
  due_range: 'Дата должна быть между 1900 и 2199 годом.',
  repeat_weekdays: 'Дни недели можно выбрать только для еженедельного повтора.',
  repeat_never: 'Такое правило повтора не сработает ни разу: ни одна дата ему не подходит.',
  repeat_until_before:
    'Повтор заканчивается раньше первого напоминания: перенесите дату окончания позже срока.',
  reminder_not_found: 'Напоминание не найдено (возможно, удалено).',
  notify_title: 'Напоминание: {client}',
  sale_not_found: 'Продажа не найдена (возможно, удалена).',
  sale_date_range: 'Дата продажи — от 1900-01-01 и не позже, чем через год от сегодня.',
  period_invalid: 'Период — год (2026), квартал (2026-Q2) или месяц (2026-05).',
  potential_field_number:
    'Потенциал считается только от числового поля, а «{label}» — не числовое.',
  notify_missed_title: 'Пропущено, пока Картотека была закрыта: {count}',
  notify_missed_body: '{first} и другие. Откройте «Сегодня», чтобы увидеть все.',
  ...importRu,
  ...analyticsRu,
  ...exportRu,
  ...desktopRu,
  ...workbookRu,
  ...portableRu,
  ...backupsRu,
  ...passwordRu,
  ...exchangeRu,
  ...syncRu,
  ...campaignsRu,
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ru };

const typeNames: Record<Locale, Record<string, string>> = {
  en: {
    string: 'text',
    number: 'a number',
    boolean: 'yes or no',
    array: 'a list',
    object: 'an object',
  },
  ru: {
    string: 'текст',
    number: 'число',
    boolean: 'да или нет',
    array: 'список',
    object: 'объект',
  },
};

/** The message in the user's language with its placeholders filled (see message-format.ts). */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return fill(catalogs[locale][key], params, locale);
}

/** Every message of one language, unfilled (for tests that read them all). */
export function catalogue(locale: Locale): Readonly<Record<MessageKey, string>> {
  return catalogs[locale];
}

export function typeName(locale: Locale, type: string): string {
  return typeNames[locale][type] ?? type;
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(en, key);
}
