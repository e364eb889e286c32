/**
 * The check step of an import: the mapping is sound, every row is converted and validated
 * (row, column, problem), duplicates of existing clients and of earlier rows are found, and
 * what will be created, updated or skipped is decided. Nothing is written here.
 */
import type {
  FieldDef,
  ImportCellPolicy,
  ImportDuplicate,
  ImportGroup,
  ImportGroupChoice,
  ImportOnInvalid,
  ImportRowError,
  Locale,
} from '../../api/contract';
import { AppError } from '../../api/errors';
import { listFields } from '../../../db/queries/fields';
import { fold } from '../../../db/queries/search';
import type { Workbook } from '../../../db/workbook';
import type { ClientImportOp, SaleImportOp } from '../../../db/queries/import-write';
import type { SourceTable } from './source';
import { targetFields, type ImportTarget, type TargetField } from './targets';
import { numberConvention, readDateColumn, type DateOrder, type DateReading } from './values';
import { planClients } from './plan-clients';
import { planSales } from './plan-sales';

export type OnDuplicate = 'update' | 'skip' | 'create';
export type OnInvalid = ImportOnInvalid;
export type MatchedBy = ImportDuplicate['matchedBy'];

export interface ImportOptions {
  target: ImportTarget;
  /** Column header → field key; null or '' leaves the column out. */
  mapping: Record<string, string | null>;
  onDuplicate: OnDuplicate;
  onInvalid: OnInvalid;
  /** Per column (by header): what a bad cell does, over `onInvalid`. */
  onInvalidColumns?: Record<string, ImportCellPolicy> | undefined;
  /** The order of day and month for date columns that read both ways, by header. */
  dateOrders?: Record<string, DateOrder> | undefined;
  /** Groups of rows that match each other: the choice for all, and per group id. */
  groupChoice?: ImportGroupChoice | undefined;
  groupChoices?: Record<string, ImportGroupChoice> | undefined;
}

export type RowError = ImportRowError;
export type Duplicate = ImportDuplicate;

export interface ImportPlan {
  target: ImportTarget;
  total: number;
  errors: RowError[];
  /** Rows with at least one error. */
  invalid: number;
  duplicates: Duplicate[];
  clientOps: ClientImportOp[];
  /** For each client op: how many rows of the file it writes (more than one for a merge). */
  clientOpRows: number[];
  saleOps: SaleImportOp[];
  /** Managers named in the file that the workbook does not have yet; created by the import. */
  newManagers: string[];
  /** Rows that will add something, change something, or be left out (with `invalid`: all). */
  willCreate: number;
  /** Includes `merged`. */
  willUpdate: number;
  /** Includes `skippedByChoice`. */
  willSkip: number;
  skippedByChoice: number;
  merged: number;
  /** Rows imported with bad cells left empty. */
  blanked: number;
  groups: ImportGroup[];
  /** The mapped headers, in the file's order (the cells of the groups' rows). */
  groupColumns: string[];
}

export interface PlanEnv {
  locale: Locale;
  today: string;
  onProgress?: (done: number, total: number) => void;
  cancelled?: () => boolean;
}

/** A mapped column: its index in the row and the field it fills. */
export interface MappedColumn {
  index: number;
  header: string;
  field: TargetField;
}

export const PROGRESS_EVERY = 2000;

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

export function planImport(
  wb: Workbook,
  table: SourceTable,
  options: ImportOptions,
  env: PlanEnv,
): ImportPlan {
  const custom = listFields(wb, false);
  const columns = checkMapping(table, options, custom, env.locale);
  checkDates(table, columns, options.dateOrders ?? {});
  const ctx = {
    locale: env.locale,
    today: env.today,
    dateOrders: options.dateOrders ?? {},
    numbers: {
      locale: numberConvention(table.delimiter, env.locale),
      sheet: table.format === 'xlsx',
    },
  };
  return options.target === 'clients'
    ? planClients(wb, table, columns, options, ctx, env)
    : planSales(wb, table, columns, options, ctx, env);
}

/** The mapped columns, or an error naming the mapping entry that is wrong. */
export function checkMapping(
  table: SourceTable,
  options: ImportOptions,
  custom: FieldDef[],
  locale: Locale,
): MappedColumn[] {
  const fields = new Map(targetFields(options.target, custom).map((f) => [f.key, f]));
  const columns: MappedColumn[] = [];
  const seen = new Map<string, string>();
  for (const [header, key] of Object.entries(options.mapping)) {
    if (!key) continue;
    const index = table.headers.indexOf(header);
    if (index < 0) {
      throw new AppError('invalid_input', 'import_mapping_column', { column: header }, 'mapping');
    }
    const field = fields.get(key);
    if (!field) {
      throw new AppError(
        'invalid_input',
        'import_mapping_field',
        { column: header, field: key },
        `mapping.${header}`,
      );
    }
    const other = seen.get(key);
    if (other !== undefined) {
      throw new AppError(
        'invalid_input',
        'import_mapping_twice',
        { field: field.label[locale], columns: `${other}, ${header}` },
        `mapping.${header}`,
      );
    }
    seen.set(key, header);
    columns.push({ index, header, field });
  }
  for (const field of fields.values()) {
    if (field.required && !seen.has(field.key)) {
      throw new AppError(
        'invalid_input',
        'import_mapping_required',
        { field: field.key },
        'mapping',
      );
    }
  }
  if (options.target === 'sales' && !columns.some((c) => c.field.clientKey)) {
    throw new AppError('invalid_input', 'import_sales_key', {}, 'mapping');
  }
  return columns;
}

/** What each mapped date column's values allow. */
export function dateReadings(
  table: SourceTable,
  columns: MappedColumn[],
): Record<string, DateReading> {
  const out: Record<string, DateReading> = {};
  for (const c of columns) {
    if (c.field.kind === 'date' || c.field.def?.type === 'date') {
      out[c.header] = readDateColumn(table.rows.map((r) => r[c.index] ?? ''));
    }
  }
  return out;
}

/** A date column whose values read both ways needs the user's word on the order. */
function checkDates(
  table: SourceTable,
  columns: MappedColumn[],
  orders: Record<string, DateOrder>,
): void {
  for (const [header, reading] of Object.entries(dateReadings(table, columns))) {
    if (reading === 'ambiguous' && !orders[header]) {
      const c = columns.find((col) => col.header === header)!;
      const example = table.rows.map((r) => r[c.index] ?? '').find((v) => v.trim() !== '') ?? '';
      throw new AppError(
        'invalid_input',
        'import_date_order',
        { column: header, example },
        `dateOrders.${header}`,
      );
    }
  }
}

export function emptyPlan(target: ImportTarget, total: number): ImportPlan {
  return {
    target,
    total,
    errors: [],
    invalid: 0,
    duplicates: [],
    clientOps: [],
    clientOpRows: [],
    saleOps: [],
    newManagers: [],
    willCreate: 0,
    willUpdate: 0,
    willSkip: 0,
    skippedByChoice: 0,
    merged: 0,
    blanked: 0,
    groups: [],
    groupColumns: [],
  };
}

/** Fields whose bad cell can never be left empty: without them the row means nothing. */
const ALWAYS_SKIP = new Set(['name', 'date', 'amount']);
/** Client fields that find a client: a bad one leaves the row out unless the user says otherwise. */
const MATCHING_KEYS = new Set(['id', 'externalId', 'taxId', 'email', 'phone', 'phone2']);

/** True for the columns the wizard leaves on `skip` by default: the name and the matching keys. */
export function isKeyColumn(field: TargetField): boolean {
  return ALWAYS_SKIP.has(field.key) || MATCHING_KEYS.has(field.key) || Boolean(field.clientKey);
}

/** What a bad cell of this column does: `blank` (left empty, row kept) or `skip` (row out). */
export function cellPolicy(options: ImportOptions, column: MappedColumn): ImportCellPolicy {
  if (ALWAYS_SKIP.has(column.field.key) || column.field.clientKey) return 'skip';
  const chosen = options.onInvalidColumns?.[column.header];
  if (chosen) return chosen;
  return options.onInvalid === 'blank' && !isKeyColumn(column.field) ? 'blank' : 'skip';
}

/** The workbook's managers by folded name, to tell the file's new ones. */
export function knownManagers(wb: Workbook): Set<string> {
  const names = wb.sqlite.prepare('SELECT name FROM managers').pluck().all() as string[];
  return new Set(names.map((n) => fold(n.trim())));
}

/** Calls back every PROGRESS_EVERY rows and stops when the user cancelled. */
export function tick(env: PlanEnv, done: number, total: number): void {
  if (done % PROGRESS_EVERY !== 0) return;
  if (env.cancelled?.()) throw new ImportCancelled();
  env.onProgress?.(done, total);
}
