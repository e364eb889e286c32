/**
 * Fills a message's placeholders in the user's language:
 * - `{name}`: the value; a number gets the language's thousand separators ("5 000" with a
 *   no-break space in Russian, "5,000" in English);
 * - `{name|one|few|many}` in Russian, `{name|one|other}` in English: the word form that goes
 *   with the number `name`, chosen by `Intl.PluralRules` ("1 строка", "3 строки", "5 строк");
 * - `{name:bytes}`: a size in bytes as KB, MB or GB in the language's units ("2,0 ГБ").
 * A value that ends with a full stop ("Иванов И.И.") takes the place of the one after it.
 */
import type { Locale } from './contract';

const NBSP = '\u00a0';
const UNITS: Record<Locale, [string, string, string]> = {
  ru: ['КБ', 'МБ', 'ГБ'],
  en: ['KB', 'MB', 'GB'],
};

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, fractionDigits?: number): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      locale,
      fractionDigits === undefined
        ? { maximumFractionDigits: 20 }
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
    );
    numberFormats.set(key, format);
  }
  return format;
}

export function formatCount(locale: Locale, value: number): string {
  return numberFormat(locale).format(value);
}

/** The word form for `count`: Russian forms are one|few|many, English ones one|other. */
export function pluralForm(locale: Locale, count: number, forms: string[]): string {
  const category = new Intl.PluralRules(locale).select(count);
  const order =
    locale === 'ru'
      ? { one: 0, few: 1, many: 2, other: 1 } // a fraction reads like "few": 1,5 строки
      : { one: 0, other: 1 };
  const index = (order as Record<string, number>)[category] ?? forms.length - 1;
  return forms[index] ?? forms[forms.length - 1] ?? '';
}

export function formatBytes(locale: Locale, bytes: number): string {
  const [kb, mb, gb] = UNITS[locale];
  const space = locale === 'ru' ? NBSP : ' ';
  if (bytes >= 1024 ** 3)
    return `${numberFormat(locale, 1).format(bytes / 1024 ** 3)}${space}${gb}`;
  if (bytes >= 1024 ** 2)
    return `${formatCount(locale, Math.round(bytes / 1024 ** 2))}${space}${mb}`;
  return `${formatCount(locale, Math.max(1, Math.round(bytes / 1024)))}${space}${kb}`;
}

/** A placeholder, and the full stop after it if there is one. */
const PLACEHOLDER = /\{(\w+)(?::(bytes)|\|([^}]*))?\}(\.?)/g;

function filled(
  value: string | number | undefined,
  kind: string | undefined,
  forms: string | undefined,
  locale: Locale,
): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'number') return forms === undefined ? value : null;
  if (forms !== undefined) return pluralForm(locale, value, forms.split('|'));
  if (kind === 'bytes') return formatBytes(locale, value);
  return formatCount(locale, value);
}

export function fill(
  template: string,
  params: Record<string, string | number>,
  locale: Locale,
): string {
  return template.replace(
    PLACEHOLDER,
    (whole, name: string, kind: string | undefined, forms: string | undefined, stop: string) => {
      const text = filled(params[name], kind, forms, locale);
      if (text === null) return whole;
      // "… Иванов И.И." ends the sentence itself: no second full stop.
      return text.endsWith('.') ? text : text + stop;
    },
  );
}
