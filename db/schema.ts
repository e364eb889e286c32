/**
 * The workbook's tables. Every entity of DESIGN.md is here from the start so later features
 * add behaviour, not schema churn. Conventions: UUIDv7 text ids, `updated_at` on every row,
 * soft deletes (`deleted_at`), money in integer minor units, dates `YYYY-MM-DD`,
 * timestamps UTC ISO strings.
 */
import { sql } from 'drizzle-orm';
import {
  blob,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const id = () => text('id').primaryKey();
const updatedAt = () => text('updated_at').notNull();
const createdAt = () => text('created_at').notNull();

export const managers = sqliteTable('managers', {
  id: id(),
  name: text('name').notNull(),
  email: text('email'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const clients = sqliteTable(
  'clients',
  {
    id: id(),
    kind: text('kind', { enum: ['person', 'company'] })
      .notNull()
      .default('person'),
    name: text('name').notNull(),
    company: text('company'),
    position: text('position'),
    phone: text('phone'),
    phone2: text('phone2'),
    /** Derived by the write path: the phones in their normalised form (kernel/phones.ts), so
     * `8 912 …` and `+7 (912) …` match in the import, the filters and the search. */
    phoneKey: text('phone_key'),
    phone2Key: text('phone2_key'),
    email: text('email'),
    address: text('address'),
    birthday: text('birthday'),
    channel: text('channel'),
    managerId: text('manager_id').references(() => managers.id),
    stage: text('stage').notNull().default('prospect'),
    lostReason: text('lost_reason'),
    /** JSON array of strings. */
    tags: text('tags').notNull().default('[]'),
    note: text('note'),
    externalId: text('external_id'),
    taxId: text('tax_id'),
    /** Derived by the write path: lower-cased name for ordering and prefix search. */
    nameFold: text('name_fold').notNull().default(''),
    /** Derived by the write path: folded name, company, email, position and phone digits. */
    searchText: text('search_text').notNull().default(''),
    /**
     * Derived by the write path: the folded tags, space-separated. Indexed apart from the rest
     * of the text (`client_tag_search`), so a tag edit leaves the comments' index alone.
     */
    tagsFold: text('tags_fold').notNull().default(''),
    /** Stable integer key of the client's row in the full-text index (`client_search`). */
    seq: integer('seq'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    uniqueIndex('clients_external_id_unique')
      .on(t.externalId)
      .where(sql`${t.externalId} IS NOT NULL`),
    index('clients_manager_idx').on(t.managerId),
    index('clients_stage_idx').on(t.stage),
    uniqueIndex('clients_seq_unique').on(t.seq),
    // The live list in name order, and its count, read this index alone (no table scan, no sort);
    // with `seq`, a search that walks it keeps the clients the full-text index found without
    // reading their rows (cold, a walk of 1,650 clients for «его» took 41 ms).
    index('clients_live_name_idx').on(t.deletedAt, t.nameFold, t.id, t.seq),
    // A search's hits sorted by name from this index alone, without reading their rows.
    index('clients_seq_live_name_idx').on(t.seq, t.deletedAt, t.nameFold, t.id),
    // Partial: clients without a (second) phone need no entry, and `phone_key = ?` still uses it.
    index('clients_phone_key_idx')
      .on(t.phoneKey)
      .where(sql`${t.phoneKey} IS NOT NULL`),
    index('clients_phone2_key_idx')
      .on(t.phone2Key)
      .where(sql`${t.phone2Key} IS NOT NULL`),
    // Today's birthdays read this index alone: the live clients with a birthday, without a walk
    // of the live-name index that looked every one's row up (0.34 s of the agenda on 100,000).
    // With the trash mark (always null here): SQLite reads the columns the query names from
    // the index alone only when it holds them all, the partial index's own condition too.
    index('clients_birthday_idx')
      .on(t.birthday, t.id, t.deletedAt)
      .where(sql`${t.deletedAt} IS NULL AND ${t.birthday} IS NOT NULL`),
    // The trash in name order: its page read from here, not from a scan and sort of every
    // client (0.1–0.4 s on 100,000 clients for a trash of a thousand).
    index('clients_trash_name_idx')
      .on(t.nameFold, t.id)
      .where(sql`${t.deletedAt} IS NOT NULL`),
  ],
);

export const fieldDefs = sqliteTable('field_defs', {
  id: id(),
  key: text('key').notNull().unique(),
  label: text('label').notNull(),
  type: text('type', {
    enum: ['text', 'number', 'money', 'date', 'boolean', 'choice', 'multichoice'],
  }).notNull(),
  /** JSON array of choice labels for choice and multichoice fields. */
  options: text('options').notNull().default('[]'),
  groupName: text('group_name'),
  position: integer('position').notNull().default(0),
  retiredAt: text('retired_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const fieldValues = sqliteTable(
  'field_values',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    fieldId: text('field_id')
      .notNull()
      .references(() => fieldDefs.id),
    /** JSON-encoded value of the field's type. */
    value: text('value').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('field_values_client_field_unique').on(t.clientId, t.fieldId)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    kind: text('kind', {
      enum: ['note', 'call', 'meeting', 'email', 'visit', 'offer', 'invoice'],
    }).notNull(),
    /** Touch mix tag: useful content, company news or an offer. */
    touch: text('touch', { enum: ['content', 'news', 'offer'] }),
    author: text('author').notNull(),
    body: text('body').notNull(),
    at: text('at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    index('comments_client_idx').on(t.clientId, t.at),
    // Each client's live contacts (the list's and Today's "last contact"), with all those reads
    // need: a client's latest is one look-up, not a read of each comment's row and body.
    index('comments_contact_idx')
      .on(t.clientId, t.at, t.kind, t.deletedAt)
      .where(
        sql`${t.deletedAt} IS NULL AND ${t.kind} IN ('call', 'meeting', 'email', 'visit', 'offer')`,
      ),
  ],
);

export const reminders = sqliteTable(
  'reminders',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    title: text('title').notNull(),
    dueDate: text('due_date').notNull(),
    dueTime: text('due_time'),
    /** JSON repeat rule, null for a one-off reminder. */
    repeat: text('repeat'),
    snoozedUntil: text('snoozed_until'),
    doneAt: text('done_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('reminders_due_idx').on(t.dueDate), index('reminders_client_idx').on(t.clientId)],
);

export const batches = sqliteTable('batches', {
  id: id(),
  kind: text('kind', {
    enum: ['edit', 'create', 'bulk', 'import', 'revert', 'undo', 'sync'],
  }).notNull(),
  label: text('label'),
  actor: text('actor').notNull(),
  createdAt: createdAt(),
  undoneAt: text('undone_at'),
  updatedAt: updatedAt(),
});

export const changes = sqliteTable(
  'changes',
  {
    id: id(),
    /** The table the change belongs to: client, comment, reminder, sale, plan, field_value. */
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    clientId: text('client_id'),
    field: text('field').notNull(),
    /** JSON-encoded old and new values; null for "no value". */
    oldValue: text('old_value'),
    newValue: text('new_value'),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
    batchId: text('batch_id')
      .notNull()
      .references(() => batches.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('changes_client_idx').on(t.clientId, t.at),
    index('changes_batch_idx').on(t.batchId),
    // Each client's stage changes with all the list's suggested stage reads of them: a page of
    // the list looks up the latest one of each of its 100 clients without reading their other
    // changes' rows from all over the file (12 → 2 ms for a page on 100,000 clients, cold).
    index('changes_client_stage_idx')
      .on(t.clientId, t.at, t.id, t.batchId, t.newValue)
      .where(sql`${t.entity} = 'client' AND ${t.field} = 'stage'`),
  ],
);

export const sales = sqliteTable(
  'sales',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    date: text('date').notNull(),
    /** Minor units (kopecks, cents). */
    amount: integer('amount').notNull(),
    margin: integer('margin'),
    category: text('category'),
    product: text('product'),
    quantity: real('quantity'),
    docNo: text('doc_no'),
    managerId: text('manager_id').references(() => managers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    // With the amount and the trash mark, a client's purchase days and sums are read from the
    // index alone: their sales lie together there, not all over the table (a page of the list
    // reads those of 100 clients per keystroke).
    index('sales_client_date_idx').on(t.clientId, t.date, t.amount, t.deletedAt),
    index('sales_date_idx').on(t.date),
  ],
);

export const plans = sqliteTable(
  'plans',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    category: text('category').notNull(),
    /** `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
    period: text('period').notNull(),
    plan: integer('plan'),
    potential: integer('potential'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plans_client_category_period').on(t.clientId, t.category, t.period)],
);

export const npsAnswers = sqliteTable('nps_answers', {
  id: id(),
  clientId: text('client_id')
    .notNull()
    .references(() => clients.id),
  score: integer('score').notNull(),
  comment: text('comment'),
  at: text('at').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: text('deleted_at'),
});

export const lostReasons = sqliteTable('lost_reasons', {
  id: id(),
  label: text('label').notNull(),
  position: integer('position').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const savedViews = sqliteTable('saved_views', {
  id: id(),
  name: text('name').notNull(),
  /** JSON: filters, sort and visible columns. */
  definition: text('definition').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  /** JSON-encoded value. */
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});

/**
 * Sync: every change of what users edit, as this device made it or received it, stamped with a
 * hybrid logical clock (`hlc`; its string order is clock order). Written by the capture
 * triggers of `db/sync-capture.ts` and by applying changes from other devices; per record and
 * field the change with the greatest clock holds the value.
 */
export const syncLog = sqliteTable(
  'sync_log',
  {
    n: integer('n').primaryKey({ autoIncrement: true }),
    hlc: text('hlc').notNull(),
    /** The device that made the change. */
    device: text('device').notNull(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    /** A column, `*` (a new record: `value` holds every field) or `-` (purged). */
    field: text('field').notNull(),
    /** JSON. */
    value: text('value'),
    /** The clock of the value this change replaced on its device. */
    base: text('base'),
    actor: text('actor'),
    /** On the hub already (pulled from it, or pushed). */
    pushed: integer('pushed').notNull().default(0),
  },
  (t) => [
    uniqueIndex('sync_log_change').on(t.hlc, t.entity, t.rowId, t.field),
    index('sync_log_row').on(t.entity, t.rowId, t.hlc),
    // A device's newest change (is this workbook behind the hub?), a partner's unseen ones.
    index('sync_log_device').on(t.device, t.hlc),
    index('sync_log_unpushed')
      .on(t.pushed)
      .where(sql`${t.pushed} = 0`),
  ],
);

/** This device's sync state: its id and name, the workbook's id, the hub, the last pull. */
export const syncMeta = sqliteTable('sync_meta', {
  key: text('key').primaryKey(),
  value: text('value'),
});

/** Names of the devices changes came from. */
export const syncDevices = sqliteTable('sync_devices', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

/** What each exchange-file partner has acknowledged: the newest clock it holds per device. */
export const syncPeers = sqliteTable('sync_peers', {
  device: text('device').primaryKey(),
  /** JSON object device id → newest hlc. */
  seen: text('seen').notNull(),
  at: text('at').notNull(),
});

/** A value that lost to a concurrent change of the same field on another device. */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: text('id').primaryKey(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    winnerHlc: text('winner_hlc').notNull(),
    loserHlc: text('loser_hlc').notNull(),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    uniqueIndex('sync_conflicts_pair').on(t.entity, t.rowId, t.field, t.loserHlc),
    index('sync_conflicts_open').on(t.resolvedAt),
  ],
);

/**
 * The analytics worker's packed input as it stood at one point of the change history (one row,
 * id `sales`): on open the worker reads it and patches in the clients changed since, instead of
 * reading every sale again. Derived data, never synced; a row of another format is ignored.
 */
export const analyticsSnapshot = sqliteTable('analytics_snapshot', {
  /** `sales`: the one row. */
  id: id(),
  /** The layout of `data` (electron/services/analytics/snapshot.ts). */
  format: integer('format').notNull(),
  /** The change history's last row when the data was read, and that row's id. */
  changeRowid: integer('change_rowid').notNull(),
  changeId: text('change_id'),
  /** The clients' ids in the data's order, one per line. */
  clientIds: text('client_ids').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  /** When it was stored. */
  updatedAt: updatedAt(),
});

/**
 * A campaign (issue 17): an action on an audience frozen at its start, part of it drawn at
 * random (with the stored seed) into a control group that is left alone.
 */
export const campaigns = sqliteTable('campaigns', {
  id: id(),
  name: text('name').notNull(),
  goal: text('goal').notNull(),
  /** What is done per client: call, message, offer, visit. */
  action: text('action').notNull(),
  /** The message template with the client's fields, or null. */
  template: text('template'),
  /** Percentage of the audience in the control group (0–50). */
  holdoutPct: integer('holdout_pct').notNull(),
  /** The seed of the control draw: the same seed and audience give the same split. */
  seed: text('seed').notNull(),
  /** Days the contacts are due in, from the start. */
  dueDays: integer('due_days').notNull(),
  /** The client-list query (JSON) the audience was drawn from, for the record. */
  filter: text('filter').notNull(),
  startedAt: text('started_at').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: text('deleted_at'),
});

/** A client of a campaign's audience, its group, and where its contact stands. */
export const campaignMembers = sqliteTable(
  'campaign_members',
  {
    id: id(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    /** `contact` or `control`; never changes after the draw. */
    groupName: text('group_name', { enum: ['contact', 'control'] }).notNull(),
    /** `pending`, `done` (contacted) or `skipped`. */
    status: text('status').notNull(),
    /** reached, not_reached, refused, agreed; null until marked. */
    outcome: text('outcome'),
    /** When the client was contacted (its status became done): the start of its window. */
    contactedAt: text('contacted_at'),
    markedAt: text('marked_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('campaign_members_unique').on(t.campaignId, t.clientId),
    index('campaign_members_client_idx').on(t.clientId),
  ],
);
