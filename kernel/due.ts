/**
 * A reminder's due value: `YYYY-MM-DD` or local `YYYY-MM-DDTHH:mm`. Here rather than beside the
 * reminders' schemas so that the queries that store it do not load the contract's zod schemas.
 */
import { isCalendarDate } from './local-date';

const DUE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** Splits a due value into date and time; null when it is not a real date and time. */
export function parseDue(value: string): { date: string; time: string | null } | null {
  const m = DUE.exec(value);
  if (!m?.[1] || !isCalendarDate(m[1])) return null;
  if (m[2] === undefined) return { date: m[1], time: null };
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (h > 23 || min > 59) return null;
  return { date: m[1], time: `${m[2]}:${m[3]}` };
}
