import { describe, expect, it } from 'vitest';
import { translit } from '../../db/demo/people';
import { keyFromLabel } from '../../renderer/src/features/settings/field-key';
import { transliterate } from '../../kernel/transliterate';

describe('one transliteration table', () => {
  it('spells Cyrillic the same in a field key and in the bench’s e-mail addresses', () => {
    for (const word of ['Щербаков', 'Хрущёв', 'Цветкова', 'Юлия', 'Объём']) {
      expect(keyFromLabel(word)).toBe(translit(word));
    }
    expect(translit('Щербаков')).toBe('shcherbakov');
    expect(keyFromLabel('Площадь магазина, м²')).toBe('ploshchad_magazina_m2');
  });

  it('keeps every other character and lowers the case', () => {
    expect(transliterate('Ёлка-2 Ґанок, Café')).toBe('elka-2 ganok, café');
  });
});
