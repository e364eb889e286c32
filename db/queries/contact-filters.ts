/**
 * Filters on phones and e-mails compare the normalised forms (kernel/phones.ts,
 * kernel/emails.ts): "phone is 8 912 345-67-89" finds `+7 (912) 345-67-89`, "phone contains
 * 8 912" finds it too, and "e-mail is C1@ПРИМЕР.РФ" finds `c1@пример.рф`. Other operators, and
 * values that are no phone at all, are left to the general text filter.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Filter } from '../../electron/api/contract';
import { emailKey } from '../../kernel/emails';
import { phoneKey, phoneNeedles } from '../../kernel/phones';
import { clients } from '../schema';

const PHONE_KEYS: Record<string, SQL> = {
  phone: sql`${clients.phoneKey}`,
  phone2: sql`${clients.phone2Key}`,
};

const list = (keys: (string | null)[]) =>
  JSON.stringify(keys.filter((k): k is string => k !== null));

function phoneCondition(key: SQL, filter: Filter): SQL | null {
  const v = filter.value;
  switch (filter.op) {
    case 'eq':
    case 'neq': {
      const k = typeof v === 'string' ? phoneKey(v) : null;
      if (!k) return null;
      return filter.op === 'eq' ? sql`${key} = ${k}` : sql`(${key} IS NULL OR ${key} <> ${k})`;
    }
    case 'in':
      if (!Array.isArray(v) || v.length === 0) return null;
      return sql`${key} IN (SELECT value FROM json_each(${list(v.map(phoneKey))}))`;
    case 'contains': {
      const needles = typeof v === 'string' ? phoneNeedles(v) : [];
      if (needles.length === 0) return null;
      return sql`(${sql.join(
        needles.map((n) => sql`instr(${key}, ${n}) > 0`),
        sql` OR `,
      )})`;
    }
    default:
      return null;
  }
}

function emailCondition(filter: Filter): SQL | null {
  const v = filter.value;
  const email = sql`kemail(${clients.email})`;
  switch (filter.op) {
    case 'eq':
    case 'neq': {
      const k = typeof v === 'string' ? emailKey(v) : null;
      if (!k) return null;
      return filter.op === 'eq'
        ? sql`${email} = ${k}`
        : sql`(${clients.email} IS NULL OR ${email} <> ${k})`;
    }
    case 'in':
      if (!Array.isArray(v) || v.length === 0) return null;
      return sql`${email} IN (SELECT value FROM json_each(${list(v.map(emailKey))}))`;
    default:
      return null;
  }
}

/** The condition for a filter on a phone or the e-mail, or null to use the general one. */
export function contactCondition(filter: Filter): SQL | null {
  const key = PHONE_KEYS[filter.field];
  if (key) return phoneCondition(key, filter);
  if (filter.field === 'email') return emailCondition(filter);
  return null;
}
