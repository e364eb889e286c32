/**
 * Field validators shared by the channels. Custom checks carry a message key in `params.key`;
 * the dispatcher turns every issue into a sentence in the user's language.
 */
import { z } from 'zod';

/** Trims a string and turns the empty string into null ("no value"). */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

export const requiredText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { params: { key: 'required' } });

const PHONE_CHARS = /^[+\d\s()\-.]*$/;

export const phone = z
  .string()
  .max(40)
  .transform((s) => s.trim())
  .refine((s) => PHONE_CHARS.test(s), { params: { key: 'phone_chars' }, abort: true })
  .refine((s) => s === '' || digitsOf(s).length >= 5, { params: { key: 'phone_short' } })
  .refine((s) => digitsOf(s).length <= 15, { params: { key: 'phone_long' } })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

export const email = z
  .string()
  .max(254)
  .transform((s) => s.trim())
  .refine((s) => s === '' || z.email().safeParse(s).success, { params: { key: 'email' } })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

/** A real calendar date `YYYY-MM-DD` (no 31 February). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A birthday from 1900 up to `today` (the local day, from the app's clock). */
export function birthdayInRange(s: string, today: string): boolean {
  return s >= '1900-01-01' && s <= today;
}

/**
 * A real date from 1900 on. "Not after today" needs the app's clock, which a schema has no
 * access to: the client write path and the import check it with `birthdayInRange`.
 */
export const birthday = z
  .string()
  .max(10)
  .transform((s) => s.trim())
  .refine((s) => s === '' || isCalendarDate(s), { params: { key: 'date_invalid' }, abort: true })
  .refine((s) => s === '' || s >= '1900-01-01', { params: { key: 'birthday_range' } })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

export const id = z.string().min(1).max(64);

export function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}
