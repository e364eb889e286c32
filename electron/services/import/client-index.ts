/**
 * The workbook's clients by every key an import row may name them with: Kartoteka id, client
 * code, tax id, e-mail and phones (in their normalised forms, read from the stored phone keys),
 * read in one query; and a row's own keys in the same forms.
 */
import { emailKey } from '../../../kernel/emails';
import { phoneKey } from '../../../kernel/phones';
import { clientKeyRows } from '../../../db/queries/import-reads';
import type { ImportedClientValues } from '../../../db/queries/import-write';
import type { Workbook } from '../../../db/workbook';
import type { KnownPerson } from '../../../db/queries/stage-ladder';
import type { Stage } from '../../api/contract';
import type { MatchedBy } from './plan-common';
import { KeyTable } from './key-table';
import { taxIdKey } from './values';

export interface Existing {
  id: string;
  name: string;
  lostReason: string | null;
  deleted: boolean;
  /** The client's place in the order of ids (that of the sales' client index); with `ordered`. */
  order: number;
  /** The live client as the stage ladder reads it (null in the trash). */
  known: KnownPerson | null;
}

export class ClientIndex {
  /**
   * Every client by id, the trash included; filled only when the file has a Kartoteka id
   * column (100,000 entries are not worth making otherwise).
   */
  readonly byId = new Map<string, Existing>();
  readonly byExternal = new Map<string, Existing>();
  readonly byTax = new Map<string, Existing[]>();
  readonly byEmail = new Map<string, Existing[]>();
  readonly byPhone = new Map<string, Existing[]>();

  constructor(wb: Workbook, options: { ids: boolean; ordered?: boolean }) {
    const all: Existing[] = [];
    for (const [
      id,
      name,
      phone,
      phone2,
      email,
      tax,
      ext,
      lostReason,
      deletedAt,
      stage,
      createdAt,
      rowid,
    ] of clientKeyRows(wb)) {
      const c: Existing = {
        id,
        name,
        lostReason: lostReason ?? null,
        deleted: deletedAt !== null,
        order: 0,
        known: deletedAt === null ? { person: [id, stage as Stage, createdAt], rowid } : null,
      };
      if (options.ordered) all.push(c);
      if (options.ids) this.byId.set(c.id, c);
      if (ext) this.byExternal.set(ext, c);
      if (c.deleted) continue;
      add(this.byTax, taxIdKey(tax), c);
      add(this.byEmail, emailKey(email), c);
      add(this.byPhone, phone ?? null, c);
      if (phone2 !== phone) add(this.byPhone, phone2 ?? null, c);
    }
    all.sort((a, b) => (a.id < b.id ? -1 : 1)).forEach((c, i) => (c.order = i));
  }

  private readonly tables = new Map<'id' | 'externalId', KeyTable<Existing>>();

  /**
   * `byId` or `byExternal` as a `KeyTable`, made at the first call: what a sales file's every
   * row asks (the client its id or code names).
   */
  table(key: 'id' | 'externalId'): KeyTable<Existing> {
    let table = this.tables.get(key);
    if (!table) {
      const map = key === 'id' ? this.byId : this.byExternal;
      table = new KeyTable<Existing>(map.size);
      for (const [k, c] of map) table.set(k, c);
      this.tables.set(key, table);
    }
    return table;
  }

  /** The live client a row's keys find first, in order of how surely each identifies one. */
  lookup(keys: Keys): { match: Existing; by: MatchedBy } | null {
    const byId = keys.id ? this.byId.get(keys.id) : undefined;
    if (byId) return { match: byId, by: 'id' };
    const ext = keys.externalId ? this.byExternal.get(keys.externalId) : undefined;
    if (ext) return { match: ext, by: 'externalId' };
    const tax = keys.taxId ? this.byTax.get(keys.taxId)?.[0] : undefined;
    if (tax) return { match: tax, by: 'taxId' };
    const email = keys.email ? this.byEmail.get(keys.email)?.[0] : undefined;
    if (email) return { match: email, by: 'email' };
    for (const p of keys.phones) {
      const phone = this.byPhone.get(p)?.[0];
      if (phone) return { match: phone, by: 'phone' };
    }
    return null;
  }
}

function add<T>(map: Map<string, T[]>, key: string | null, value: T): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A row's keys in their compared forms. */
export interface Keys {
  id: string | null;
  externalId: string | null;
  taxId: string | null;
  email: string | null;
  phones: string[];
}

export function keysOf(values: ImportedClientValues, id: string | null): Keys {
  const phones: string[] = [];
  const phone = phoneKey(values.phone);
  const phone2 = phoneKey(values.phone2);
  if (phone) phones.push(phone);
  if (phone2 && phone2 !== phone) phones.push(phone2);
  return {
    id,
    externalId: values.externalId ?? null,
    taxId: taxIdKey(values.taxId),
    email: emailKey(values.email),
    phones,
  };
}
