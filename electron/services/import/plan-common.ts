/**
 * What the steps of an import check share: the options, the plan they build, the mapped
 * columns, the policy for a bad cell, progress and cancelling. Kept apart from plan.ts, which
 * calls the client and sales planners, so that they can use it without an import cycle.
 */
import type {
  ImportCellPolicy,
  ImportDuplicate,
  ImportGroup,
  ImportGroupChoice,
  ImportOnInvalid,
  ImportPhase,
  ImportRowError,
  Locale,
} from '../../api/contract';
import { managerNames } from '../../../db/queries/managers';
import { fold } from '../../../db/queries/search';
import type { Workbook } from '../../../db/workbook';
import type { ClientImportOp, SaleImportOp } from '../../../db/queries/import-write';
import type { PlanKeeper } from './kept-plan';
import type { PlannerThreadEnv } from './sales-planner-thread';
import type { ImportTarget, TargetField } from './targets';
import type { DateOrder } from './values';

export interface ImportEnv {
  locale: Locale;
  today: string;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  cancelled?: () => boolean;
  /** Rows per chunk of a sales import (tests make it small to cross many chunks). */
  chunkRows?: number | undefined;
  /** From this many rows a sales import rebuilds some indexes at the end (tests lower it). */
  bulkRows?: number | undefined;
  /** Keeps a clients check's plan for the run that follows (the import worker has one). */
  keeper?: PlanKeeper | undefined;
  /**
   * The connection is closed once a run ends (the import worker's): its temporary tables go
   * with it, so a run leaves a kept check's table to that rather than dropping its million
   * rows page by page while the user waits (a third of a second).
   */
  closedAfterRun?: boolean | undefined;
  /**
   * Where a large sales run without a check before it plans its chunks beside the writer (the
   * import worker has it; inline runs plan between the writes).
   */
  plannerThread?: PlannerThreadEnv | undefined;
}

export interface SourceRequest {
  path: string;
  target: ImportTarget;
  sheet?: string | undefined;
}

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
  return new Set(managerNames(wb).map((n) => fold(n.trim())));
}

/** Calls back every PROGRESS_EVERY rows and stops when the user cancelled. */
export function tick(env: PlanEnv, done: number, total: number): void {
  if (done % PROGRESS_EVERY !== 0) return;
  if (env.cancelled?.()) throw new ImportCancelled();
  env.onProgress?.(done, total);
}
