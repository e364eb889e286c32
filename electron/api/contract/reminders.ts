/** Reminders, the Today agenda, birthdays, contact cadence and the touch mix. */
import { z } from 'zod';
import type { Comment } from './comments';
import type { CommentKind, Stage, TouchKind } from './enums';
import { CADENCE_PRESETS, REPEAT_UNITS, STAGES, type RepeatUnit } from './enums';
import { id, isCalendarDate, requiredText } from './validators';
import { parseDue } from '../../../kernel/due';

export { parseDue };

export { REPEAT_UNITS, type RepeatUnit } from './enums';

/**
 * Every `every` units from the first due date; weekly rules may name ISO weekdays
 * (1 = Monday … 7 = Sunday). Ends on `until` (inclusive) or after `count` occurrences.
 */
export interface RepeatRule {
  every: number;
  unit: RepeatUnit;
  weekdays?: number[];
  until?: string;
  count?: number;
}

/** `YYYY-MM-DD` or local wall-clock `YYYY-MM-DDTHH:mm` (the machine's time zone). */
export type Due = string;

export interface Reminder {
  id: string;
  clientId: string;
  title: string;
  /** The date it is due, `YYYY-MM-DD`. */
  dueDate: string;
  /** Local time `HH:mm`, or null for "any time that day". */
  dueTime: string | null;
  repeat: RepeatRule | null;
  /** Which occurrence of its series this is (1 for the first). */
  occurrence: number;
  /** When a snoozed reminder comes back: `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  snoozedUntil: string | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const dueSchema = z
  .string()
  .max(16)
  .refine((s) => parseDue(s) !== null, { params: { key: 'due_invalid' }, abort: true })
  .refine((s) => s >= '1900-01-01' && s < '2200-01-01', { params: { key: 'due_range' } });

const dateOnly = z
  .string()
  .max(10)
  .refine((s) => isCalendarDate(s), { params: { key: 'date_invalid' } });

export const repeatSchema = z
  .object({
    every: z.number().int().min(1).max(1000),
    unit: z.enum(REPEAT_UNITS),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    until: dateOnly.optional(),
    count: z.number().int().min(1).max(10_000).optional(),
  })
  .strict()
  .refine((r) => !r.weekdays || r.unit === 'week', {
    params: { key: 'repeat_weekdays' },
    path: ['weekdays'],
  });

export const reminderAddInput = z
  .object({
    clientId: id,
    title: requiredText(300),
    due: dueSchema,
    repeat: repeatSchema.nullable().optional(),
  })
  .strict();
export const reminderUpdateInput = z
  .object({
    id,
    title: requiredText(300).optional(),
    due: dueSchema.optional(),
    repeat: repeatSchema.nullable().optional(),
  })
  .strict();
export const reminderIdInput = z.object({ id }).strict();
export const reminderCompleteInput = z
  .object({
    id,
    /** A call to log on the client's feed in the same step (Today's "Log a call" on the row). */
    call: requiredText(20_000).optional(),
  })
  .strict();
export const reminderSnoozeInput = z.object({ id, until: dueSchema }).strict();
export const reminderListInput = z
  .object({ clientId: id, includeDone: z.boolean().optional() })
  .strict();

export interface CompleteResult {
  done: Reminder;
  /** The next reminder of a repeating series, or null when the series is over. */
  next: Reminder | null;
  /** The call logged with it (when `call` was given), else null. */
  comment: Comment | null;
}

export interface AgendaClient {
  id: string;
  name: string;
  company: string | null;
  phone: string | null;
  stage: Stage;
  lastComment: { kind: CommentKind; body: string; at: string } | null;
}

export interface AgendaReminder {
  reminder: Reminder;
  client: AgendaClient;
  /** Effective due (snooze applied): `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  due: string;
}

export interface BirthdayItem {
  client: AgendaClient;
  birthday: string;
  /** The date it is celebrated in the agenda's range (28 Feb for 29 Feb births in common years). */
  date: string;
  /** Age reached that day. */
  age: number;
}

export interface TouchItem {
  client: AgendaClient;
  /** Local date of the last contact, or null when never contacted. */
  lastContact: string | null;
  /**
   * What the lateness is counted from: the last contact; for a client never contacted, the
   * first purchase, else the day the card was made.
   */
  countedFrom: 'contact' | 'firstPurchase' | 'created';
  /** The local date it is counted from. */
  countedFromDate: string;
  cadenceDays: number;
  overdueDays: number;
  /** Revenue of the last 12 months, minor units: the value the list is ranked by after lateness. */
  value: number;
}

export interface Agenda {
  date: string;
  overdue: AgendaReminder[];
  today: AgendaReminder[];
  upcoming: AgendaReminder[];
  birthdays: BirthdayItem[];
  needsTouch: TouchItem[];
}

export const agendaInput = z
  .object({
    date: dateOnly,
    days: z.number().int().min(1).max(60).optional(),
    /** Local time `HH:mm` now, so timed reminders earlier today count as overdue. */
    time: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .optional(),
  })
  .strict();

/** Days between touches, by lifecycle stage; null means "no cadence for this stage". */
export type Cadence = Record<Stage, number | null>;

export { CADENCE_PRESETS, type CadencePreset } from './enums';

export const cadenceSetInput = z
  .object({
    preset: z.enum(CADENCE_PRESETS).optional(),
    stages: z
      .partialRecord(z.enum(STAGES), z.number().int().min(1).max(3650).nullable())
      .optional(),
    birthdayDays: z.number().int().min(0).max(60).optional(),
  })
  .strict();

export interface CadenceSettings {
  stages: Cadence;
  birthdayDays: number;
}

export const touchMixInput = z
  .object({ clientId: id, last: z.number().int().min(1).max(100).optional() })
  .strict();
export type TouchMix = Record<TouchKind | 'untagged', number>;
