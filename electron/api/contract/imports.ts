/** Importing clients and sales from CSV and Excel files: schemas and the shapes returned. */
import { z } from 'zod';

export const IMPORT_TARGETS = ['clients', 'sales'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
/** What a date column's values allow: one order, or two that the user must choose between. */
export type DateReading = DateOrder | 'ambiguous' | 'none';

const filePath = z.string().trim().min(1).max(4096);
const header = z.string().max(500);

export const importPreviewInput = z
  .object({
    path: filePath,
    target: z.enum(IMPORT_TARGETS),
    /** An Excel sheet by name; the first sheet when omitted. */
    sheet: z.string().max(200).optional(),
  })
  .strict();

export const importRunInput = importPreviewInput
  .extend({
    /** Column header → field key (`name`, `phone`, `custom.shop_area`, `amount` …); null skips it. */
    mapping: z
      .record(header, z.string().max(200).nullable())
      .refine((m) => Object.keys(m).length <= 500, { params: { key: 'too_long_list' } }),
    onDuplicate: z.enum(['update', 'skip', 'create']),
    onInvalid: z.enum(['skip', 'abort']),
    /** Day-first or month-first for date columns whose values read both ways, by header. */
    dateOrders: z.record(header, z.enum(DATE_ORDERS)).optional(),
  })
  .strict();

/** The check takes the same input as the run and writes nothing. */
export const importCheckInput = importRunInput
  .partial({ onDuplicate: true, onInvalid: true })
  .transform((v) => ({
    ...v,
    onDuplicate: v.onDuplicate ?? 'update',
    onInvalid: v.onInvalid ?? 'skip',
  }));

export interface ImportFieldInfo {
  key: string;
  /** In the workbook's language. */
  label: string;
  required: boolean;
  /** Sales: a column that finds the client of the sale. */
  clientKey: boolean;
}

export interface ImportPreview {
  format: 'csv' | 'xlsx';
  /** CSV: `utf-8`, `utf-8-bom`, `windows-1251`, `utf-16le`, `utf-16be`; null for Excel. */
  encoding: string | null;
  /** CSV: `,`, `;`, a tab or `|`; null for Excel. */
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  /** The first 20 data rows. */
  rows: string[][];
  totalRows: number;
  /** Header → suggested field key (or null): what was used for this header before, else a synonym. */
  suggestedMapping: Record<string, string | null>;
  fields: ImportFieldInfo[];
  /** Columns holding dates and how their values read; `ambiguous` needs `dateOrders`. */
  dateColumns: Record<string, DateReading>;
}

export interface ImportRowError {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number;
  column: string | null;
  value: string;
  message: string;
}

export interface ImportDuplicate {
  row: number;
  matchedBy: 'externalId' | 'taxId' | 'email' | 'phone' | 'sale';
  /** The existing client matched (for sales: the client of the matching sale). */
  clientId: string | null;
  name: string;
  /** The earlier row of the same file it repeats. */
  firstRow: number | null;
}

export interface ImportCheck {
  total: number;
  valid: number;
  invalid: number;
  willCreate: number;
  willUpdate: number;
  willSkip: number;
  /** Of `willSkip`: rows matching a client (or sale) that already holds every value they give. */
  unchanged: number;
  /** The first 5,000; `errorsTotal` counts them all. */
  errors: ImportRowError[];
  errorsTotal: number;
  duplicates: ImportDuplicate[];
  duplicatesTotal: number;
  /** Manager names the file uses that the workbook lacks: the import adds them. */
  newManagers: string[];
}

export interface ImportResult {
  /** The history batch to undo the whole import with; null when nothing was written. */
  batchId: string | null;
  inserted: number;
  updated: number;
  skipped: number;
  /** Of `skipped`: rows whose client (or sale) already held every value: nothing written. */
  unchanged: number;
  errors: ImportRowError[];
  errorsTotal: number;
  duplicates: number;
  /** True when invalid rows stopped the import (`onInvalid: 'abort'`): nothing was written. */
  aborted: boolean;
}

export type ImportPhase = 'read' | 'check' | 'write';

export interface ImportStatus {
  running: boolean;
  kind: 'preview' | 'check' | 'run' | null;
  phase: ImportPhase | null;
  /** Rows done and in all, of the current phase. */
  done: number;
  total: number;
  elapsedMs: number;
  /** A guess at the time left of the current phase. */
  etaMs: number | null;
  cancelling: boolean;
}

export interface PickedFile {
  /** Null when the user closed the dialog. */
  path: string | null;
}
