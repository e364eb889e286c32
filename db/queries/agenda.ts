/**
 * The Today agenda: reminders overdue, due today and in the coming days; birthdays; and the
 * clients past their contact cadence ("needs a touch"), ranked by lateness and value. Each part
 * is a few set-based queries, never one per client.
 */
import type {
  Agenda,
  AgendaClient,
  AgendaReminder,
  BirthdayItem,
  Cadence,
  CadencePreset,
  CadenceSettings,
  TouchItem,
  TouchMix,
} from '../../electron/api/contract';
import { birthdayIn } from '../../kernel/repeat';
import { addDays } from '../../kernel/local-date';
import type { Workbook } from '../workbook';
import { CONTACT_KINDS } from './client-filters';
import { prepared } from './prepared';
import { effectiveDue, openRemindersUntil } from './reminders';
import { readSetting, writeSetting } from './settings';

export const CADENCE_PRESETS: Record<CadencePreset | 'default', Cadence> = {
  default: {
    prospect: 7,
    first_purchase: 14,
    repeat: 21,
    regular: 14,
    advocate: 30,
    lost: null,
    won_back: 14,
  },
  salon: {
    prospect: 3,
    first_purchase: 7,
    repeat: 21,
    regular: 30,
    advocate: 45,
    lost: 90,
    won_back: 14,
  },
  clothing: {
    prospect: 7,
    first_purchase: 14,
    repeat: 30,
    regular: 45,
    advocate: 60,
    lost: 120,
    won_back: 21,
  },
  building: {
    prospect: 7,
    first_purchase: 10,
    repeat: 14,
    regular: 14,
    advocate: 30,
    lost: 60,
    won_back: 14,
  },
};

export function readCadence(wb: Workbook): CadenceSettings {
  const stored = readSetting<Partial<CadenceSettings>>(wb, 'cadence');
  return {
    stages: { ...CADENCE_PRESETS.default, ...(stored?.stages ?? {}) },
    birthdayDays: stored?.birthdayDays ?? 7,
  };
}

export function writeCadence(
  wb: Workbook,
  input: {
    preset?: CadencePreset | undefined;
    stages?: Partial<Cadence> | undefined;
    birthdayDays?: number | undefined;
  },
  now: Date,
): CadenceSettings {
  const current = readCadence(wb);
  const next: CadenceSettings = {
    stages: {
      ...current.stages,
      ...(input.preset ? CADENCE_PRESETS[input.preset] : {}),
      ...(input.stages ?? {}),
    },
    birthdayDays: input.birthdayDays ?? current.birthdayDays,
  };
  writeSetting(wb, 'cadence', next, now);
  return next;
}

/** Name, phone, stage and latest comment of the given clients, in two queries. */
function describeClients(wb: Workbook, ids: string[]): Map<string, AgendaClient> {
  const json = JSON.stringify([...new Set(ids)]);
  const rows = wb.sqlite
    .prepare(
      `SELECT id, name, company, phone, stage FROM clients WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(json) as Omit<AgendaClient, 'lastComment'>[];
  const comments = wb.sqlite
    .prepare(
      `SELECT client_id AS clientId, kind, body, at FROM (
         SELECT client_id, kind, body, at, row_number() OVER (PARTITION BY client_id ORDER BY at DESC, id DESC) AS k
         FROM comments WHERE deleted_at IS NULL AND client_id IN (SELECT value FROM json_each(?))
       ) WHERE k = 1`,
    )
    .all(json) as ({ clientId: string } & NonNullable<AgendaClient['lastComment']>)[];
  const last = new Map(comments.map((c) => [c.clientId, { kind: c.kind, body: c.body, at: c.at }]));
  return new Map(rows.map((r) => [r.id, { ...r, lastComment: last.get(r.id) ?? null }]));
}

/**
 * The live clients' birthdays, from their partial index alone (migration 0013): the planner,
 * without statistics of it yet, walked the live-name index and read every client's row instead
 * (0.34 s of Today's agenda on 100,000 clients).
 */
export const LIVE_BIRTHDAYS = `SELECT id, birthday FROM clients INDEXED BY clients_birthday_idx
  WHERE deleted_at IS NULL AND birthday IS NOT NULL`;

function birthdays(
  wb: Workbook,
  date: string,
  days: number,
): (Omit<BirthdayItem, 'client'> & { id: string })[] {
  const rows = wb.sqlite.prepare(LIVE_BIRTHDAYS).all() as { id: string; birthday: string }[];
  const end = addDays(date, days);
  const year = Number(date.slice(0, 4));
  const out: (Omit<BirthdayItem, 'client'> & { id: string })[] = [];
  for (const r of rows) {
    for (const y of [year, year + 1]) {
      const day = birthdayIn(r.birthday, y);
      if (day >= date && day <= end) {
        out.push({
          id: r.id,
          birthday: r.birthday,
          date: day,
          age: y - Number(r.birthday.slice(0, 4)),
        });
        break;
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Clients past the cadence of their stage, counted from the last contact; a client never
 * contacted is counted from the first purchase, else from the day the card was made (an
 * import of three years of sales makes every card today, yet those buyers are long due).
 * Days are the local calendar's: `klocalday` turns the workbook's UTC stamps into days of the
 * machine's zone, as `kernel/local-date` does.
 */
function needsTouch(
  wb: Workbook,
  date: string,
  cadence: Cadence,
  limit: number,
): (Omit<TouchItem, 'client'> & { id: string })[] {
  return prepared(wb, NEEDS_TOUCH).all({
    yearAgo: addDays(date, -365),
    cadence: JSON.stringify(cadence),
    date,
    limit,
  }) as (Omit<TouchItem, 'client'> & { id: string })[];
}

/** The contact kinds spelled out in the SQL, as the partial index of contacts is defined. */
const CONTACT_KIND_LIST = CONTACT_KINDS.map((k) => `'${k}'`).join(', ');

/**
 * Each live client's last contact, first purchase and value of the last year are looked up in
 * the covering indexes of contacts and of sales by client (one seek each, the clients read in
 * their table's order) and kept once per client (MATERIALIZED: each is used several times).
 * Grouping every contact and sale, then joining the groups, took 2.9 s against 0.85 s on
 * 100,000 clients and 650,000 sales.
 */
export const NEEDS_TOUCH = `WITH t AS MATERIALIZED (
    SELECT c.id, c.stage, c.created_at AS createdAt,
      (SELECT max(m.at) FROM comments m WHERE m.client_id = c.id AND m.deleted_at IS NULL
         AND m.kind IN (${CONTACT_KIND_LIST})) AS lastAt,
      (SELECT min(s.date) FROM sales s WHERE s.client_id = c.id AND s.deleted_at IS NULL) AS first,
      (SELECT sum(s.amount) FROM sales s WHERE s.client_id = c.id AND s.date > @yearAgo
         AND s.deleted_at IS NULL) AS value
    FROM clients c WHERE +c.deleted_at IS NULL
  ), u AS (
    SELECT id, klocalday(lastAt) AS lastContact, json_extract(@cadence, '$.' || stage) AS cadenceDays,
      coalesce(value, 0) AS value,
      CASE WHEN lastAt IS NOT NULL THEN 'contact' WHEN first IS NOT NULL THEN 'firstPurchase'
           ELSE 'created' END AS countedFrom,
      coalesce(klocalday(lastAt), first, klocalday(createdAt)) AS countedFromDate
    FROM t
  ), d AS (
    SELECT *, CAST(julianday(@date) - julianday(countedFromDate) AS INTEGER) AS since FROM u
  )
  SELECT id, lastContact, cadenceDays, value, countedFrom, countedFromDate,
         since - cadenceDays AS overdueDays FROM d
  WHERE cadenceDays IS NOT NULL AND since > cadenceDays
  ORDER BY overdueDays DESC, value DESC, id LIMIT @limit`;

export function agenda(wb: Workbook, date: string, days: number, time: string | undefined): Agenda {
  const cadence = readCadence(wb);
  const last = addDays(date, days);
  const reminders = openRemindersUntil(wb, last);
  const born = birthdays(wb, date, cadence.birthdayDays);
  const touch = needsTouch(wb, date, cadence.stages, 200);
  const clients = describeClients(wb, [
    ...reminders.map((r) => r.clientId),
    ...born.map((b) => b.id),
    ...touch.map((t) => t.id),
  ]);
  const nowStamp = time ? `${date}T${time}` : null;
  const items: AgendaReminder[] = reminders
    .map((reminder) => ({
      reminder,
      due: effectiveDue(reminder),
      client: clients.get(reminder.clientId)!,
    }))
    .filter((i) => i.client)
    .sort((a, b) => a.due.localeCompare(b.due));
  const dayOf = (i: AgendaReminder) => i.due.slice(0, 10);
  return {
    date,
    overdue: items.filter(
      (i) =>
        dayOf(i) < date ||
        (nowStamp !== null && i.due.length > 10 && dayOf(i) === date && i.due < nowStamp),
    ),
    today: items.filter(
      (i) => dayOf(i) === date && !(nowStamp !== null && i.due.length > 10 && i.due < nowStamp),
    ),
    upcoming: items.filter((i) => dayOf(i) > date),
    birthdays: born
      .map(({ id, ...b }) => ({ ...b, client: clients.get(id)! }))
      .filter((b) => b.client),
    needsTouch: touch
      .map(({ id, ...t }) => ({ ...t, client: clients.get(id)! }))
      .filter((t) => t.client),
  };
}

/** How the client's last contacts split into useful content, company news and offers. */
export function touchMix(wb: Workbook, clientId: string, last: number): TouchMix {
  const rows = wb.sqlite
    .prepare(
      `SELECT touch FROM comments WHERE client_id = ? AND deleted_at IS NULL AND kind IN (SELECT value FROM json_each(?))
       ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(clientId, JSON.stringify(CONTACT_KINDS), last) as { touch: keyof TouchMix | null }[];
  const mix: TouchMix = { content: 0, news: 0, offer: 0, untagged: 0 };
  for (const r of rows) mix[r.touch ?? 'untagged'] += 1;
  return mix;
}
