/** Clients and their change history: schemas and the shapes the channels return. */
import { z } from 'zod';
import { customPatch, type CustomValue } from './fields';
import { listQueryShape } from './list';
import { BULK_ACTIONS, STAGES, type ClientKind, type Stage } from './enums';
import { id, requiredText } from './validators';
import { CLIENT_FIELDS, type ClientField } from '../../../kernel/client-fields';
import { clientFieldShape } from './client-fields';

export { CLIENT_FIELDS, clientFieldShape, type ClientField };

/** Standard client fields, as stored and as returned. */
export interface ClientRow {
  id: string;
  kind: ClientKind;
  name: string;
  company: string | null;
  position: string | null;
  phone: string | null;
  phone2: string | null;
  email: string | null;
  address: string | null;
  birthday: string | null;
  channel: string | null;
  managerId: string | null;
  stage: Stage;
  lostReason: string | null;
  tags: string[];
  note: string | null;
  externalId: string | null;
  taxId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A row of the client list: the standard fields, custom values and related figures. */
export interface ClientListRow extends ClientRow {
  /** Custom (portrait) field values by field key. */
  custom: Record<string, CustomValue>;
  /** Date of the latest purchase, or null. */
  lastPurchase: string | null;
  /** Revenue this calendar year, minor units. */
  revenueYear: number;
  /** Local date of the latest comment of a contact kind (call, meeting, email, visit, offer). */
  lastContact: string | null;
  /** The stage the sales point to (the stage ladder), when it differs from the stage; else null. */
  suggestedStage: Stage | null;
}

export type Client = ClientListRow;

export const clientCreateInput = z
  .object({ ...clientFieldShape, custom: customPatch.optional() })
  .strict();
export type ClientCreateInput = z.output<typeof clientCreateInput>;

export const clientPatch = z
  .object({
    ...clientFieldShape,
    name: clientFieldShape.name.optional(),
    custom: customPatch.optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { params: { key: 'patch_empty' } });
export type ClientPatch = z.output<typeof clientPatch>;

export const clientUpdateInput = z.object({ id, patch: clientPatch }).strict();
export const clientGetInput = z.object({ id }).strict();

export const clientListInput = z
  .object({
    ...listQueryShape,
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict()
  .optional();
export type ClientListInput = z.output<typeof clientListInput>;

export interface ClientList {
  rows: ClientListRow[];
  total: number;
}

export const clientIdInput = z.object({ id }).strict();

/** What a bulk action does to every client it reaches. */
export const bulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setManager'), managerId: id.nullable() }).strict(),
  z
    .object({
      type: z.literal('setStage'),
      stage: z.enum(STAGES),
      lostReason: z.string().max(200).optional(),
    })
    .strict(),
  z.object({ type: z.literal('addTag'), tag: requiredText(50) }).strict(),
  z.object({ type: z.literal('setCustom'), key: z.string().max(40), value: z.unknown() }).strict(),
  z.object({ type: z.literal('delete') }).strict(),
  /** Each client's suggested stage (from sales), hand-set stages included; the rest untouched. */
  z.object({ type: z.literal('applySuggestedStage') }).strict(),
]);
export type BulkAction = z.output<typeof bulkActionSchema>;
export const BULK_ACTION_TYPES = BULK_ACTIONS;

/** Either explicit ids (a selection) or a whole filter result. */
export const clientBulkInput = z
  .object({
    ids: z.array(id).min(1).max(200_000).optional(),
    filter: z.object(listQueryShape).strict().optional(),
    action: bulkActionSchema,
  })
  .strict()
  .refine((v) => (v.ids === undefined) !== (v.filter === undefined), {
    params: { key: 'bulk_target' },
  });

export interface BulkResult {
  batchId: string;
  /** Clients actually changed (those already holding the value are not counted). */
  affected: number;
}

export interface TrashResult {
  purged: number;
}

export const historyListInput = z.object({ clientId: id }).strict();

export const historyRevertInput = z.object({ changeId: id }).strict();
export const historyUndoBatchInput = z.object({ batchId: id }).strict();
export const historyAsOfInput = z
  .object({
    clientId: id,
    at: z
      .string()
      .max(40)
      .refine((s) => !Number.isNaN(Date.parse(s)), { params: { key: 'date_invalid' } }),
  })
  .strict();
export const historyBatchesInput = z
  .object({ limit: z.number().int().min(1).max(500).optional() })
  .strict()
  .optional();

export interface Batch {
  id: string;
  kind: string;
  label: string | null;
  actor: string;
  createdAt: string;
  undoneAt: string | null;
  /** Number of change rows and distinct clients in the batch. */
  changes: number;
  clients: number;
  /** The one client the batch changed (its name now, the trash included), else null. */
  client: { id: string; name: string } | null;
  /** What it changed on that one client (at most six); empty for a batch of several clients. */
  fields: { entity: string; field: string }[];
}

export interface UndoResult {
  /** The batch that records the undo itself. */
  batchId: string;
  reverted: number;
  /** Changes not undone because the field was edited again since. */
  skipped: number;
}

export interface HistoryEntry {
  id: string;
  entity: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  actor: string;
  at: string;
  batchId: string;
  batchKind: string;
  /** A value written when its record (client, sale) was created: nothing earlier to restore. */
  creation: boolean;
  /** What the batch was (a bulk action's name, `stageLadder` for moves the sales made). */
  batchLabel: string | null;
}
