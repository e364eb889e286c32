/** Importing clients and sales from CSV and Excel files: schemas and the shapes returned. */
import { z } from 'zod';
import { GROUP_CHOICES, type ImportGroupChoice } from './enums';

export const IMPORT_TARGETS = ['clients', 'sales'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
/** What a date column's values allow: one order, or two that the user must choose between. */
export type DateReading = DateOrder | 'ambiguous' | 'none';

const filePath = z.string().trim().min(1).max(4096);
const header = z.string().max(500);

/**
 * What to do with a group of rows of one file that match each other (by code, tax id, e-mail,
 * phone or Kartoteka id, or by matching the same client): keep the first row, keep the last,
 * import each row as its own client, skip them all, or merge them into one card (later rows
 * fill in and override earlier ones). Only `merge` ever builds a card from two rows.
 */
export { GROUP_CHOICES, type ImportGroupChoice } from './enums';
export const INVALID_POLICIES = ['skip', 'abort', 'blank'] as const;
export type ImportOnInvalid = (typeof INVALID_POLICIES)[number];
/** A bad cell: leave it empty and import the row, or leave the whole row out. */
export const CELL_POLICIES = ['blank', 'skip'] as const;
export type ImportCellPolicy = (typeof CELL_POLICIES)[number];

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
    /**
     * Rows with a bad cell: `skip` them, `abort` the whole import, or `blank`: import the row
     * with the bad cell left empty (listed in `errors` with `blanked: true`), except in the
     * name and the matching keys (code, tax id, e-mail, phones, Kartoteka id), where a bad cell
     * still leaves the row out unless `onInvalidColumns` says otherwise.
     */
    onInvalid: z.enum(INVALID_POLICIES),
    /** Per column (by header), what a bad cell does: `blank` or `skip`; overrides `onInvalid`. */
    onInvalidColumns: z.record(header, z.enum(CELL_POLICIES)).optional(),
    /** Day-first or month-first for date columns whose values read both ways, by header. */
    dateOrders: z.record(header, z.enum(DATE_ORDERS)).optional(),
    /** What to do with every group of rows that match each other; `each` when not given. */
    groupChoice: z.enum(GROUP_CHOICES).optional(),
    /** Per group, by its `id` (the number of its first row): overrides `groupChoice`. */
    groupChoices: z.record(z.string().max(12), z.enum(GROUP_CHOICES)).optional(),
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
  /**
   * What a bad cell of this field does under `onInvalid: 'blank'`: left empty (`blank`), the
   * row left out unless the column's policy says otherwise (`skip`: the matching keys), or the
   * row always left out (`fixed`: the name, a sale's date, amount and client).
   */
  badCell: ImportCellPolicy | 'fixed';
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
  /** True when the cell was left empty and the row imported anyway (`onInvalid: 'blank'`). */
  blanked?: boolean;
}

export interface ImportDuplicate {
  row: number;
  /** `id`: the Kartoteka id of a client (as the app's own exports write it). */
  matchedBy: 'id' | 'externalId' | 'taxId' | 'email' | 'phone' | 'sale';
  /** The existing client matched (for sales: the client of the matching sale). */
  clientId: string | null;
  name: string;
  /** The earlier row of the same file it repeats. */
  firstRow: number | null;
}

/** What the import does with one row: every row of a file has exactly one outcome. */
export type ImportRowOutcome = 'create' | 'update' | 'merge' | 'skip' | 'invalid';

export interface ImportGroupRow {
  row: number;
  /** The row's cells in the mapped columns (`ImportCheck.groupColumns`), as in the file. */
  cells: string[];
  /** The client already in the workbook that the row matches, and by what. */
  client: { id: string; name: string; matchedBy: ImportDuplicate['matchedBy'] } | null;
  /** What the import does with the row under the group's choice (`merge`: into the card). */
  outcome: ImportRowOutcome;
}

/** Rows of one file that match each other: shown whole, decided together. */
export interface ImportGroup {
  /** Stable while the file and mapping stay: the number of the group's first row. */
  id: string;
  /** What links the rows: the keys they share, `client` when they match the same client. */
  keys: (ImportDuplicate['matchedBy'] | 'client')[];
  /** The choice applied: the group's own, else the one for all groups, else `each`. */
  choice: ImportGroupChoice;
  /** False while neither the group nor all groups have a choice (`each` applied meanwhile). */
  chosen: boolean;
  rows: ImportGroupRow[];
}

export interface ImportCheck {
  total: number;
  valid: number;
  invalid: number;
  /** `willCreate + willUpdate + willSkip + invalid = total`. */
  willCreate: number;
  /** Includes rows merged into another row's card (`merged`). */
  willUpdate: number;
  /** Includes rows left out by the choices for groups (`skippedByChoice`). */
  willSkip: number;
  /** Of `willSkip`: rows matching a client (or sale) that already holds every value they give. */
  unchanged: number;
  skippedByChoice: number;
  merged: number;
  /** Rows imported with bad cells left empty (`onInvalid: 'blank'`). */
  blanked: number;
  /** Groups of rows that match each other: the first 5,000 (`groupsTotal` counts them all). */
  groups: ImportGroup[];
  groupsTotal: number;
  /** The mapped columns, in the file's order: the headers of `ImportGroupRow.cells`. */
  groupColumns: string[];
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
  /** `inserted + updated + skipped + invalid = total`: every row has one outcome. */
  inserted: number;
  /** Includes rows merged into another row's card by the choice `merge` (`merged`). */
  updated: number;
  /** Rows not written: duplicates skipped, `skippedByChoice`, and `unchanged`. */
  skipped: number;
  /** Rows with errors, not imported. */
  invalid: number;
  total: number;
  skippedByChoice: number;
  /** Of `skipped`: rows whose client (or sale) already held every value: nothing written. */
  unchanged: number;
  merged: number;
  blanked: number;
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
