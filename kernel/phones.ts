/**
 * Phone numbers as people type them (`8 (912) 345-67-89`, `+7 912 345 67 89`, `912-345-67-89`)
 * and the one normalised form they are compared by: the digits, with a Russian trunk `8` or a
 * bare ten-digit mobile number turned into the country code `7`. The number is shown as typed;
 * the normalised form is stored beside it for matching, filtering and search.
 */

/** Characters a phone may be written with: digits, `+`, spaces, brackets, dashes and dots. */
const PHONE_CHARS = /^[+\d\s()\-.]*$/;
export const PHONE_MIN_DIGITS = 5;
export const PHONE_MAX_DIGITS = 15;

export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/** Why a typed phone is not a phone (a message key), or null when it is one (or empty). */
export function phoneProblem(value: string): 'phone_chars' | 'phone_short' | 'phone_long' | null {
  const v = value.trim();
  if (!PHONE_CHARS.test(v)) return 'phone_chars';
  if (v === '') return null;
  const digits = phoneDigits(v).length;
  if (digits < PHONE_MIN_DIGITS) return 'phone_short';
  if (digits > PHONE_MAX_DIGITS) return 'phone_long';
  return null;
}

/**
 * The normalised form of a phone, or null when it has too few digits to be one. `8 912 …`,
 * `+7 (912) …` and `912 …` (a Russian mobile without its code) are the same number
 * `7912…`; a number written with `+` keeps its country code as written (`+81 …` stays `81…`),
 * and the international prefix `00` is dropped.
 */
export function phoneKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const international = value.trim().startsWith('+');
  let d = phoneDigits(value);
  if (!international && d.startsWith('00')) return phoneKey(`+${d.slice(2)}`);
  if (!international) {
    if (d.length === 11 && d.startsWith('8')) d = `7${d.slice(1)}`;
    else if (d.length === 10 && d.startsWith('9')) d = `7${d}`;
  }
  return d.length >= PHONE_MIN_DIGITS ? d : null;
}

/**
 * The digit runs a partly typed phone may appear as in normalised numbers: its digits, a whole
 * number's normalised form, and for a Russian `8…` start also the same digits after the code
 * `7` (`8 912 3` finds `+7 912 3…`).
 */
export function phoneNeedles(value: string): string[] {
  const digits = phoneDigits(value);
  if (!digits) return [];
  const key = phoneKey(value);
  const out = new Set([digits]);
  if (key && digits.length >= 10) out.add(key);
  if (!value.trim().startsWith('+') && digits.length > 1 && digits.startsWith('8')) {
    out.add(`7${digits.slice(1)}`);
  }
  return [...out];
}
