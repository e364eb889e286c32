/**
 * Field validators shared by the channels. Custom checks carry a message key in `params.key`;
 * the dispatcher turns every issue into a sentence in the user's language.
 */
import { z } from 'zod';
import { EMAIL_MAX_LENGTH, isEmail } from '../../../kernel/emails';
import { phoneProblem } from '../../../kernel/phones';
import { isCalendarDate } from '../../../kernel/local-date';

export { birthdayInRange, isCalendarDate } from '../../../kernel/local-date';

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

/** The rules are kernel/phones.ts's, so the card, the import and the channels agree. */
export const phone = z
  .string()
  .max(40)
  .transform((s) => s.trim())
  .refine((s) => phoneProblem(s) !== 'phone_chars', {
    params: { key: 'phone_chars' },
    abort: true,
  })
  .refine((s) => phoneProblem(s) !== 'phone_short', { params: { key: 'phone_short' } })
  .refine((s) => phoneProblem(s) !== 'phone_long', { params: { key: 'phone_long' } })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

/** Internationalised addresses (`имя@почта.рф`) are addresses too: kernel/emails.ts decides. */
export const email = z
  .string()
  .max(EMAIL_MAX_LENGTH)
  .transform((s) => s.trim())
  .refine((s) => s === '' || isEmail(s), { params: { key: 'email' } })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

/** A time zone name this computer knows (`Europe/Moscow`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
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
