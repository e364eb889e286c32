/**
 * The renderer's words: a count is never followed by a noun that ignores it ("1 клиентов"):
 * such strings are plural keys (`_one/_few/_many/_other`) or say "label: number".
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';

function strings(catalogue: unknown, prefix = ''): [string, string][] {
  if (typeof catalogue === 'string') return [[prefix, catalogue]];
  if (!catalogue || typeof catalogue !== 'object') return [];
  return Object.entries(catalogue).flatMap(([key, value]) =>
    strings(value, prefix ? `${prefix}.${key}` : key),
  );
}

const PLURAL_KEY = /_(one|few|many|other)$/;
/** Placeholders that hold a count, then the word after them. */
const COUNT_THEN_WORD =
  /\{\{(count|n|total|clients|buyers|top|best|shown|done|classed)(?:, *number)?\}\}\s+([A-Za-zА-Яа-яЁё]+)/g;
/** Words after a count that do not agree with it: units, prepositions, "more". */
const NOT_NOUNS = new Set(['с', 'мин', 'кв', 's', 'min', 'из', 'по', 'of', 'more', 'matching']);

describe('counts in the renderer’s words', () => {
  it('no count is followed by a noun outside a plural key, in either language', () => {
    const offenders: string[] = [];
    for (const [lang, catalogue] of [
      ['ru', ru],
      ['en', en],
    ] as const) {
      for (const [key, text] of strings(catalogue)) {
        if (PLURAL_KEY.test(key)) continue;
        for (const match of text.matchAll(COUNT_THEN_WORD)) {
          if (!NOT_NOUNS.has(match[2] ?? '')) offenders.push(`${lang} ${key}: ${match[0]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every Russian plural key has its one, few and many forms', () => {
    const keys = new Set(strings(ru).map(([key]) => key));
    const missing = [...keys]
      .filter((key) => PLURAL_KEY.test(key))
      .map((key) => key.replace(PLURAL_KEY, ''))
      .flatMap((base) => ['one', 'few', 'many'].map((form) => `${base}_${form}`))
      .filter((key) => !keys.has(key));
    expect([...new Set(missing)]).toEqual([]);
  });
});
