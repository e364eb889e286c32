/**
 * Messages the main process returns to the user, in Russian and English. The renderer has its
 * own catalogue for its screens; these are the words of errors that cross the boundary.
 */
import type { Locale } from './contract';

const en = {
  unknown_channel: 'Unknown channel "{channel}".',
  invalid_input: 'Some of the data is not valid: {details}',
  invalid_json: 'The request body is not valid JSON.',
  too_large: 'The request is too large (more than {max} MB).',
  internal: 'Something went wrong inside Kartoteka. Nothing was saved. Details: {details}',
  required: 'This field is required.',
  wrong_type: 'Expected {expected}.',
  too_long: 'At most {max} characters.',
  too_long_list: 'At most {max} items.',
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
} as const;

export type MessageKey = keyof typeof en;

const ru: Record<MessageKey, string> = {
  unknown_channel: 'Неизвестный канал «{channel}».',
  invalid_input: 'Часть данных неверна: {details}',
  invalid_json: 'Тело запроса — не JSON.',
  too_large: 'Запрос слишком большой (больше {max} МБ).',
  internal: 'Внутренняя ошибка Картотеки. Ничего не сохранено. Подробности: {details}',
  required: 'Обязательное поле.',
  wrong_type: 'Ожидается {expected}.',
  too_long: 'Не длиннее {max} символов.',
  too_long_list: 'Не больше {max} элементов.',
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

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}

export function typeName(locale: Locale, type: string): string {
  return typeNames[locale][type] ?? type;
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(en, key);
}
