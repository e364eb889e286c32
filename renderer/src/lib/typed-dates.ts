/**
 * Dates and times as the user types and reads them in the UI's language, whatever the
 * browser's or the system's locale: «30.11.2026» and «14:30» in Russian, «11/30/2026» and
 * «2:30 PM» in English. Values stay `YYYY-MM-DD` and `HH:mm` everywhere else.
 */
import { format, isValid, parse } from 'date-fns';

type Lang = 'ru' | 'en';

const DAY_SHOWN: Record<Lang, string> = { ru: 'dd.MM.yyyy', en: 'MM/dd/yyyy' };
/** What is read back: the shown pattern, shorter forms of it, and the stored ISO form. */
const DAY_READ: Record<Lang, string[]> = {
  ru: ['d.M.yyyy', 'd.M.yy', 'd/M/yyyy', 'yyyy-MM-dd'],
  en: ['M/d/yyyy', 'M/d/yy', 'yyyy-MM-dd'],
};
const TIME_SHOWN: Record<Lang, string> = { ru: 'HH:mm', en: 'h:mm a' };
const TIME_READ: Record<Lang, string[]> = {
  ru: ['H:mm', 'H.mm', 'H'],
  en: ['h:mm a', 'h:mma', 'h a', 'ha', 'H:mm'],
};
/** A moment to the second (the card as of): the same, with seconds. */
const SECOND_SHOWN: Record<Lang, string> = { ru: 'HH:mm:ss', en: 'h:mm:ss a' };
const SECOND_READ: Record<Lang, string[]> = {
  ru: ['H:mm:ss', ...TIME_READ.ru],
  en: ['h:mm:ss a', 'H:mm:ss', ...TIME_READ.en],
};
/** A fixed reference day: parsing never depends on today. */
const REFERENCE = new Date(2000, 0, 1);

export function langOf(language: string): Lang {
  return language.startsWith('en') ? 'en' : 'ru';
}

/** The placeholder of a date box: «ДД.ММ.ГГГГ» / «MM/DD/YYYY». */
export function dayPlaceholder(lang: Lang): string {
  return lang === 'en' ? 'MM/DD/YYYY' : 'ДД.ММ.ГГГГ';
}

/** A stored `YYYY-MM-DD` as typed in `lang`; anything else is shown as it is. */
export function showDay(value: string, lang: Lang): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parse(value, 'yyyy-MM-dd', REFERENCE) : null;
  return day && isValid(day) ? format(day, DAY_SHOWN[lang]) : value;
}

/** The `YYYY-MM-DD` of a typed date; '' for an empty box; null for text that is no date. */
export function readDay(text: string, lang: Lang): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  for (const pattern of DAY_READ[lang]) {
    const day = parse(typed, pattern, REFERENCE);
    // A two-digit year is this century's (date-fns would give year 26 otherwise).
    if (isValid(day) && day.getFullYear() >= 1000) return format(day, 'yyyy-MM-dd');
  }
  return null;
}

/** A stored `HH:mm` (`HH:mm:ss` with `seconds`) as read in `lang`. */
export function showTime(value: string, lang: Lang, seconds = false): string {
  const stored = seconds ? 'HH:mm:ss' : 'HH:mm';
  const shape = seconds ? /^\d{2}:\d{2}:\d{2}$/ : /^\d{2}:\d{2}$/;
  const time = shape.test(value) ? parse(value, stored, REFERENCE) : null;
  const shown = seconds ? SECOND_SHOWN : TIME_SHOWN;
  return time && isValid(time) ? format(time, shown[lang]) : value;
}

/** The `HH:mm` (`HH:mm:ss`) of a typed time; '' for an empty box; null for text that is no time. */
export function readTime(text: string, lang: Lang, seconds = false): string | null {
  const typed = text.trim().toUpperCase().replace(/\s+/g, ' ');
  if (typed === '') return '';
  for (const pattern of (seconds ? SECOND_READ : TIME_READ)[lang]) {
    const time = parse(typed, pattern, REFERENCE);
    if (isValid(time)) return format(time, seconds ? 'HH:mm:ss' : 'HH:mm');
  }
  return null;
}
