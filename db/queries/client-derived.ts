/**
 * The columns of a client row that the write path derives from its fields: the folded name for
 * ordering, the text the search index holds, and the phones' normalised form. Every write of a
 * client (the one write path, the import's inserts, the bench generator) takes them from here.
 */
import type { Statement } from 'better-sqlite3';
import type { ClientRow } from '../../electron/api/contract';
import { phoneKey } from '../../kernel/phones';
import type { Workbook } from '../workbook';
import { digitsOf, fold } from './search';

export interface Derived {
  nameFold: string;
  /** The folded text fields and phone digits (`search_text`). */
  searchText: string;
  /** The folded tags (`tags_fold`), indexed apart from the text. */
  tagsFold: string;
  phoneKey: string | null;
  phone2Key: string | null;
}

/** The derived columns of a client row. */
export function derived(row: Partial<ClientRow> & Pick<ClientRow, 'name'>): Derived {
  const text = [
    row.name,
    row.company,
    row.email,
    row.position,
    row.externalId,
    row.taxId,
    row.channel,
    row.address,
    row.note,
  ]
    .filter((s): s is string => Boolean(s))
    .map(fold);
  const keys = { phoneKey: phoneKey(row.phone), phone2Key: phoneKey(row.phone2) };
  // A phone is found by the digits as typed and by its normalised form, so `8 912` finds
  // `+7 (912) …` and the other way round. The typed digits are left out when the normalised form
  // holds every run of them a search looks for (see `typedDigitsNeeded`).
  const digits = new Set<string>();
  for (const [typed, key] of [
    [row.phone, keys.phoneKey],
    [row.phone2, keys.phone2Key],
  ] as const) {
    if (key) digits.add(key);
    if (typed) {
      const own = digitsOf(typed);
      if (typedDigitsNeeded(own, key)) digits.add(own);
    }
  }
  return {
    nameFold: fold(row.name),
    searchText: [...text, ...digits].join(' '),
    tagsFold: tagsFold(row.tags ?? []),
    ...keys,
  };
}

/**
 * Whether a phone's typed digits must be indexed beside its normalised form `key`. Not when
 * they are part of it (`912 345-67-89` in `79123456789`), nor when they are it with the trunk
 * prefix 8 for 7 (`8 912 …`): a search for digits from the second on finds them in the key,
 * and one beginning with that 8 is also looked for with 7 (`phoneNeedles`). A Russian 1C file's
 * phones are mostly typed so: each was indexed twice, a quarter of a client's trigrams.
 */
function typedDigitsNeeded(typed: string, key: string | null): boolean {
  if (!typed || !key) return typed.length > 0;
  if (key.includes(typed)) return false;
  return !(typed.length === key.length && typed[0] === '8' && key === `7${typed.slice(1)}`);
}

/** The folded tags as the search index holds them (`tags_fold`). */
export function tagsFold(tags: readonly string[]): string {
  return tags.map(fold).join(' ');
}

/**
 * Derives the columns of every client again, after the way they are derived changed (the
 * search index is rebuilt from them next). Set-based: one read, one cached update per row.
 */
export function rederiveClients(wb: Workbook): void {
  rederive(wb, null);
}

/** Derives the columns of these clients again (their fields came from another device). */
export function rederiveClientIds(wb: Workbook, ids: readonly string[]): void {
  if (ids.length > 0) rederive(wb, ids);
}

/** The columns `derived` gives, in the order of its values as `rederive` compares them. */
const DERIVED_COLUMNS = ['name_fold', 'search_text', 'tags_fold', 'phone_key', 'phone2_key'];

function rederive(wb: Workbook, ids: readonly string[] | null): void {
  const columns = `SELECT id, name, company, email, position, external_id, tax_id, channel, address, note, phone, phone2, tags,
      ${DERIVED_COLUMNS.join(', ')} FROM clients`;
  const rows = (
    ids
      ? wb.sqlite
          .prepare(`${columns} WHERE id IN (SELECT value FROM json_each(?))`)
          .raw()
          .all(JSON.stringify(ids))
      : wb.sqlite.prepare(columns).raw().all()
  ) as (string | null)[][];
  // Only the columns whose value moves, by one statement for each set of them: a new way of
  // deriving one column (the search text) rewrites no index of the others, and a row it leaves
  // as it was is not written (100,000 clients at an upgrade: an UPDATE of all five was 3 s).
  const updates = new Map<number, Statement>();
  const update = (mask: number) => {
    let statement = updates.get(mask);
    if (!statement) {
      const set = DERIVED_COLUMNS.filter((_, i) => mask & (1 << i)).map((c) => `${c} = ?`);
      statement = wb.sqlite.prepare(`UPDATE clients SET ${set.join(', ')} WHERE id = ?`);
      updates.set(mask, statement);
    }
    return statement;
  };
  wb.transaction(() => {
    for (const r of rows) {
      const [id, name, company, email, position, externalId, taxId, channel, address, note] = r;
      const d = derived({
        name: name ?? '',
        company: company ?? null,
        email: email ?? null,
        position: position ?? null,
        externalId: externalId ?? null,
        taxId: taxId ?? null,
        channel: channel ?? null,
        address: address ?? null,
        note: note ?? null,
        phone: r[10] ?? null,
        phone2: r[11] ?? null,
        tags: JSON.parse(r[12] ?? '[]') as string[],
      });
      const values = [d.nameFold, d.searchText, d.tagsFold, d.phoneKey, d.phone2Key];
      let mask = 0;
      for (let i = 0; i < values.length; i += 1) if (values[i] !== r[13 + i]) mask |= 1 << i;
      if (mask !== 0) update(mask).run(...values.filter((_, i) => mask & (1 << i)), id);
    }
  });
}
