import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatNumber,
  moneyToInput,
  parseMoney,
  setCurrency,
} from '../../renderer/src/lib/money';

beforeAll(async () => {
  await i18next.init({ lng: 'ru', resources: {} });
});

describe('money as people type and read it', () => {
  it('reads major units with comma or dot, spaces and a currency sign, into exact minor units', () => {
    expect(parseMoney('1 234,56')).toBe(123456);
    expect(parseMoney('1234.5')).toBe(123450);
    expect(parseMoney('1 000 000 ₽')).toBe(100000000);
    expect(parseMoney('0,10')).toBe(10);
    expect(parseMoney('много')).toBeNull();
  });

  it('shows minor units with thin-space thousands in Russian and back into an input', async () => {
    expect(formatMoney(123456789).replace(/\s/g, ' ')).toBe('1 234 567,89 ₽');
    expect(moneyToInput(123456789)).toBe('1234567,89');
    await i18next.changeLanguage('en');
    expect(formatMoney(123456789)).toBe('₽1,234,567.89');
    await i18next.changeLanguage('ru');
  });

  it('follows the language and the workbook’s currency as they change, formatters kept or not', async () => {
    const spaced = (text: string) => text.replace(/\s/g, ' ');
    expect(spaced(formatMoney(150))).toBe('1,50 ₽');
    setCurrency('USD');
    expect(spaced(formatMoney(150))).toBe('1,50 $');
    await i18next.changeLanguage('en');
    expect(formatMoney(150)).toBe('$1.50');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    setCurrency('RUB');
    expect(formatMoney(150)).toBe('₽1.50');
    await i18next.changeLanguage('ru');
    expect(spaced(formatNumber(1234.5))).toBe('1 234,5');
    expect(spaced(formatMoney(150))).toBe('1,50 ₽');
  });
});
