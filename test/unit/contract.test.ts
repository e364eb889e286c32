import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../electron/api/contract';
import { assertDistinct, handlers } from '../../electron/api/handlers';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? keys(v as object, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}

/** The paths of the catalogue's texts that are empty or blank (arrays' items too). */
function emptyTexts(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]): string[] => {
    const at = `${prefix}${k}`;
    if (typeof v === 'string') return v.trim() === '' ? [at] : [];
    if (v && typeof v === 'object') return emptyTexts(v as object, `${at}.`);
    return [at];
  });
}

describe('the contract', () => {
  it('names every channel domain.verb and gives each a handler', () => {
    for (const channel of CHANNELS) {
      expect(channel).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
      expect(typeof handlers[channel]).toBe('function');
    }
  });

  it('keeps the fixed public channel names', () => {
    expect(CHANNELS).toEqual(
      expect.arrayContaining([
        'clients.create',
        'clients.get',
        'clients.update',
        'clients.list',
        'history.list',
      ]),
    );
  });

  it('refuses a handler registered twice', () => {
    expect(() => assertDistinct([{ 'clients.get': 1 }, { 'clients.get': 2 }])).toThrow(/twice/);
  });
});

describe('the renderer catalogues', () => {
  it('have the same keys in Russian and English, and no empty string', () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
    expect(emptyTexts(ru)).toEqual([]);
    expect(emptyTexts(en)).toEqual([]);
    expect(ru.months).toHaveLength(12);
  });

  it('finds an empty or blank text wherever it is planted', () => {
    expect(emptyTexts({ a: 'x', b: { c: '', d: ['мар', ' '] }, e: 0 })).toEqual([
      'b.c',
      'b.d.1',
      'e',
    ]);
  });
});
