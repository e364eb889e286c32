/**
 * One word per thing, on every screen, in the main process's messages, in the import's field
 * names and in the exported files: stage is «Этап», the acquisition channel «Канал
 * привлечения», tags «Теги», person-or-company «Тип», the lost stage «Потерян» (its reason
 * «Причина потери»). The old words stay only as import synonyms, so old files still map.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../electron/api/messages';
import { exportWords } from '../../electron/services/export/words';
import { CLIENT_TARGET, SALE_TARGET, suggestMapping } from '../../electron/services/import/targets';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';

function strings(value: unknown, prefix: string): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => strings(v, `${prefix}.${key}`));
}

function everyString(lang: 'ru' | 'en'): [string, string][] {
  return [
    ...strings(lang === 'ru' ? ru : en, 'screen'),
    ...strings(catalogue(lang), 'messages'),
    ...strings(
      [...CLIENT_TARGET, ...SALE_TARGET].map((f) => ({ [f.key]: f.label[lang] })),
      'import',
    ),
    ...strings(exportWords(lang), 'export'),
  ];
}

const FORBIDDEN: Record<'ru' | 'en', [RegExp, string][]> = {
  ru: [
    [/стади/i, 'Этап'],
    [/откуда приш|источник/i, 'Канал привлечения'],
    [/(^|[^а-яё])метк/i, 'Теги (или «отметить» для касаний)'],
    [/лицо/i, 'Тип: человек или компания'],
    [/ушёл|ушел|ушедш/i, 'Потерян'],
    [/причин\S* ухода/i, 'Причина потери'],
  ],
  en: [
    [/came from/i, 'Acquisition channel'],
    [/person or company/i, 'Type'],
    [/comment tag|\bno tag\b|untagged/i, 'Touch (a tag is a client’s)'],
  ],
};

describe('one word per thing', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`no synonym of a chosen word in any ${lang} string`, () => {
      const offenders = everyString(lang).flatMap(([where, text]) =>
        FORBIDDEN[lang]
          .filter(([pattern]) => pattern.test(text))
          .map(([, word]) => `${where}: "${text}" (say: ${word})`),
      );
      expect(offenders).toEqual([]);
    });
  }

  it('files with the old words still map: the import keeps them as synonyms', () => {
    const old = ['Стадия', 'Откуда пришёл', 'Метки', 'Лицо', 'Причина ухода'];
    expect(suggestMapping(old, CLIENT_TARGET, {})).toEqual({
      Стадия: 'stage',
      'Откуда пришёл': 'channel',
      Метки: 'tags',
      Лицо: 'kind',
      'Причина ухода': 'lostReason',
    });
    expect(suggestMapping(['Came from', 'Person or company'], CLIENT_TARGET, {})).toEqual({
      'Came from': 'channel',
      'Person or company': 'kind',
    });
  });
});
