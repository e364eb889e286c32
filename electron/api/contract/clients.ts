/** Clients and their change history: schemas and the shapes the channels return. */
import { z } from 'zod';
import { CLIENT_KINDS, STAGES, type ClientKind, type Stage } from './enums';
import { birthday, email, id, optionalText, phone, requiredText } from './validators';

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

export interface Client extends ClientRow {
  /** Custom (portrait) field values by field key. */
  custom: Record<string, unknown>;
}

/** The client fields a user may write, and how each is validated. */
export const clientFieldShape = {
  kind: z.enum(CLIENT_KINDS).optional(),
  name: requiredText(200),
  company: optionalText(200),
  position: optionalText(200),
  phone,
  phone2: phone,
  email,
  address: optionalText(500),
  birthday,
  channel: optionalText(100),
  managerId: id.nullable().optional(),
  stage: z.enum(STAGES).optional(),
  lostReason: optionalText(200),
  tags: z.array(requiredText(50)).max(50).optional(),
  note: optionalText(10_000),
  externalId: optionalText(100),
  taxId: optionalText(20),
} as const;

export type ClientField = keyof typeof clientFieldShape;
export const CLIENT_FIELDS = Object.keys(clientFieldShape) as ClientField[];

export const clientCreateInput = z.object(clientFieldShape).strict();
export type ClientCreateInput = z.output<typeof clientCreateInput>;

export const clientPatch = z
  .object({ ...clientFieldShape, name: clientFieldShape.name.optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { params: { key: 'patch_empty' } });
export type ClientPatch = z.output<typeof clientPatch>;

export const clientUpdateInput = z.object({ id, patch: clientPatch }).strict();
export const clientGetInput = z.object({ id }).strict();

export const clientListInput = z
  .object({
    query: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict()
  .optional();
export type ClientListInput = z.output<typeof clientListInput>;

export interface ClientList {
  rows: ClientRow[];
  total: number;
}

export const historyListInput = z.object({ clientId: id }).strict();

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
}
