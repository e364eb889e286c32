/**
 * The main process's messages read as a person would write them: numbers with the language's
 * thousand separators (a no-break space in Russian, a comma in English), nouns after a count in
 * the right plural form, file sizes in the language's units.
 */
import { describe, expect, it } from 'vitest';
import { catalogue, translate, type MessageKey } from '../../electron/api/messages';

const NBSP = '\u00a0';

describe('numbers and plural forms in messages', () => {
  it('"5000 строк в файле" reads "5 000 строк", and 1, 3, 21 take their own forms', () => {
    const rows = (count: number) =>
      translate('ru', 'import_too_many_rows', { count, max: 1_000_000 });
    expect(rows(5000)).toBe(
      `В файле 5${NBSP}000 строк; за раз можно импортировать не больше 1${NBSP}000${NBSP}000.`,
    );
    expect(rows(1)).toContain('В файле 1 строка;');
    expect(rows(3)).toContain('В файле 3 строки;');
    expect(rows(21)).toContain('В файле 21 строка;');
    expect(rows(1_000_011)).toContain(`В файле 1${NBSP}000${NBSP}011 строк;`);
    expect(translate('en', 'import_too_many_rows', { count: 5000, max: 1_000_000 })).toBe(
      'The file has 5,000 rows; at most 1,000,000 can be imported at once.',
    );
    expect(translate('en', 'import_too_many_rows', { count: 1, max: 1_000_000 })).toContain(
      'The file has 1 row;',
    );
  });

  it('columns, characters, list items and matching clients agree with their count', () => {
    expect(translate('ru', 'import_too_many_columns', { count: 10_000, max: 500 })).toBe(
      `В файле 10${NBSP}000 столбцов; импортировать можно не больше 500. Первая строка — это заголовки?`,
    );
    expect(translate('ru', 'import_too_many_columns', { count: 502, max: 500 })).toContain(
      '502 столбца',
    );
    expect(translate('en', 'import_too_many_columns', { count: 10_000, max: 500 })).toContain(
      'The file has 10,000 columns',
    );
    expect(translate('ru', 'too_long', { max: 1 })).toBe('Максимум 1 символ.');
    expect(translate('ru', 'too_long', { max: 254 })).toBe('Максимум 254 символа.');
    expect(translate('ru', 'too_long', { max: 10_000 })).toBe(`Максимум 10${NBSP}000 символов.`);
    expect(translate('en', 'too_long', { max: 1 })).toBe('At most 1 character.');
    expect(translate('en', 'too_long', { max: 10_000 })).toBe('At most 10,000 characters.');
    expect(translate('ru', 'too_long_list', { max: 2 })).toBe('Максимум 2 элемента.');
    expect(translate('ru', 'too_big_number', { max: 200_000 })).toBe(`Не больше 200${NBSP}000.`);
    expect(translate('ru', 'import_client_ambiguous', { value: 'Анна', count: 21 })).toBe(
      '«Анна» подходит 21 клиенту — укажите код клиента.',
    );
    expect(translate('ru', 'import_client_ambiguous', { value: 'Анна', count: 2 })).toContain(
      'подходит 2 клиентам',
    );
    expect(translate('en', 'import_client_ambiguous', { value: 'Ann', count: 2 })).toBe(
      '"Ann" matches 2 clients; use the client code instead.',
    );
  });

  it('file sizes in the language’s units', () => {
    const size = 2 * 1024 ** 3;
    const max = 200 * 1024 ** 2;
    expect(translate('ru', 'import_too_large', { size, max })).toBe(
      `Файл слишком большой (2,0${NBSP}ГБ); Картотека импортирует файлы до 200${NBSP}МБ. Разделите его на несколько файлов.`,
    );
    expect(translate('en', 'import_too_large', { size, max })).toBe(
      'The file is too large (2.0 GB); Kartoteka imports files up to 200 MB. Split it into several files.',
    );
  });

  it('no message with a count leaves its noun to chance', () => {
    // A number placeholder followed by a word must be a plural form ({count|…}), in both
    // languages; these are the placeholders that hold counts.
    const COUNTS = /\{(count|max|min|total)\}\s+([A-Za-zА-Яа-яЁё]+)/g;
    const NOT_NOUNS = new Set(['can', 'of', 'and', 'or']);
    const offenders: string[] = [];
    for (const locale of ['ru', 'en'] as const) {
      for (const [key, text] of Object.entries(catalogue(locale)) as [MessageKey, string][]) {
        for (const match of text.matchAll(COUNTS)) {
          if (!NOT_NOUNS.has(match[2] ?? '')) offenders.push(`${locale}.${key}: ${match[0]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
