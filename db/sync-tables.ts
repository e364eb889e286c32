/**
 * The tables sync carries between devices, and which of their columns: everything a user edits,
 * keyed by a value every device agrees on. Columns derived on each device (the folded name, the
 * search text, the phones' keys, the search index's `seq`) and `updated_at` (when this device
 * wrote the row) stay local; so do settings other than the workbook's business rules.
 */
import { getTableColumns, type Table } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

export interface SyncedTable {
  /** The SQLite table name, also the entity name in the log. */
  name: string;
  /** Columns whose values make the row's key (joined by `|`): `id`, or a natural key. */
  key: readonly string[];
  /** Synced columns (SQL names), key columns included. */
  columns: readonly string[];
  /** SQL name → drizzle property name (`deleted_at` → `deletedAt`). */
  props: ReadonlyMap<string, string>;
  /** The client a row belongs to (`client_id`), for history, the card and purges. */
  clientColumn: string | null;
  /** Rows that are not synced at all (settings kept per device). */
  where?: string;
  /** The entity name of the card's history (`client`, `sale`, …); null: not in a card's history. */
  historyEntity: string | null;
  /** Unique columns besides the key: two devices may pick the same value (see sync-apply.ts). */
  unique: readonly string[];
  /** A natural-key table's own `id` column, each device's (filled when a row arrives). */
  localId: boolean;
}

const LOCAL = new Set([
  'updated_at',
  'name_fold',
  'search_text',
  'tags_fold',
  'phone_key',
  'phone2_key',
  'seq',
]);

/** Business rules every device follows; the rest of `settings` (language, user) stays local. */
export const SYNCED_SETTINGS = ['cadence', 'stageRules', 'analytics', 'currency'] as const;

function spec(
  table: SQLiteTable,
  options: {
    key?: string[];
    historyEntity?: string | null;
    unique?: string[];
    where?: string;
    local?: string[];
  } = {},
): SyncedTable {
  const config = getTableConfig(table);
  const key = options.key ?? ['id'];
  const local = new Set([...LOCAL, ...(options.local ?? [])]);
  // A natural-key table's `id` is each device's own.
  if (options.key) local.add('id');
  const all = Object.entries(getTableColumns(table as Table));
  const columns = all.map(([, c]) => c.name).filter((c) => !local.has(c));
  return {
    name: config.name,
    key,
    columns,
    props: new Map(all.map(([prop, c]) => [c.name, prop])),
    clientColumn: columns.includes('client_id') ? 'client_id' : null,
    historyEntity: options.historyEntity ?? null,
    unique: options.unique ?? [],
    localId: Boolean(options.key) && all.some(([, c]) => c.name === 'id'),
    ...(options.where ? { where: options.where } : {}),
  };
}

/**
 * In the order a pulled batch is applied: a row's parents (managers, field definitions, the
 * client) come before it.
 */
export const SYNCED_TABLES: readonly SyncedTable[] = [
  spec(schema.managers),
  spec(schema.lostReasons),
  spec(schema.savedViews),
  spec(schema.fieldDefs, { unique: ['key'] }),
  spec(schema.settings, {
    key: ['key'],
    where: `key IN (${SYNCED_SETTINGS.map((k) => `'${k}'`).join(', ')})`,
  }),
  spec(schema.clients, { historyEntity: 'client', unique: ['external_id'] }),
  spec(schema.fieldValues, { key: ['client_id', 'field_id'], historyEntity: 'client' }),
  spec(schema.comments, { historyEntity: 'comment' }),
  spec(schema.reminders, { historyEntity: 'reminder' }),
  spec(schema.sales, { historyEntity: 'sale' }),
  spec(schema.plans, { key: ['client_id', 'category', 'period'], historyEntity: 'plan' }),
  spec(schema.npsAnswers),
  // A campaign's members are keyed by (campaign, client): the same client joining the same
  // campaign on two devices is one member, its status merged field by field.
  spec(schema.campaigns),
  spec(schema.campaignMembers, { key: ['campaign_id', 'client_id'] }),
];

export const SYNCED_BY_NAME: ReadonlyMap<string, SyncedTable> = new Map(
  SYNCED_TABLES.map((t) => [t.name, t]),
);

/** SQL for the row key of `alias` (`NEW`, `OLD`, a table alias). */
export function keyExpr(table: SyncedTable, alias: string): string {
  return table.key.map((c) => `${alias}."${c}"`).join(` || '|' || `);
}

/** SQL for a JSON object of every synced column of `alias`. */
export function rowJson(table: SyncedTable, alias: string): string {
  return `json_object(${table.columns.map((c) => `'${c}', ${alias}."${c}"`).join(', ')})`;
}
