/**
 * The check's plan, kept by the import worker for the run that follows it: a run of 100,000
 * rows otherwise reads, parses and plans the file again (two seconds) before it writes. The plan
 * is given to the run only when nothing it was made from has changed since the check began: the
 * same request (file, mapping, policies, choices), language and day, the same bytes in the file,
 * and no write to the workbook (by any connection). Else the run plans afresh, as it always did.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { changeMark } from '../../../db/queries/change-mark';
import type { LadderPerson, LatestDays } from '../../../db/queries/stage-ladder';
import type { Workbook } from '../../../db/workbook';
import type { ImportEnv, ImportOptions, ImportPlan, SourceRequest } from './plan-common';
import type { SalesTally } from './plan-sales';

/** What a plan was made from; two equal stamps mean the same plan. */
export interface PlanStamp {
  /** The request, the language and the day. */
  request: string;
  /** The file's bytes (SHA-256) when the step began. */
  file: string;
  /** The workbook's change mark when the step began. */
  workbook: string;
}

const BLOCK = 1024 * 1024;

/**
 * The stamp of a step, taken before it reads the file or the workbook: a change made while the
 * check reads makes the run's stamp differ, so nothing is ever written from a plan of old data.
 */
export function planStamp(
  wb: Workbook,
  request: SourceRequest & ImportOptions,
  env: Pick<ImportEnv, 'locale' | 'today'>,
): PlanStamp | null {
  const file = fileHash(request.path);
  if (file === null) return null;
  return { request: requestKey(request, env), file, workbook: changeMark(wb) };
}

/** The request as a key: every option, the mapping in its order (it orders the columns). */
function requestKey(
  request: SourceRequest & ImportOptions,
  env: Pick<ImportEnv, 'locale' | 'today'>,
): string {
  const { mapping, ...rest } = request;
  return JSON.stringify([env.locale, env.today, Object.entries(mapping), sorted(rest)]);
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sorted(v)]),
  );
}

/** The file's SHA-256, read in blocks (a 10 MB file: a few milliseconds); null if unreadable. */
function fileHash(file: string): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const hash = crypto.createHash('sha256');
    const buffer = Buffer.allocUnsafe(BLOCK);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, BLOCK, null)) > 0) {
      hash.update(buffer.subarray(0, read));
    }
    return hash.digest('hex');
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function sameStamp(a: PlanStamp, b: PlanStamp): boolean {
  return a.request === b.request && a.file === b.file && a.workbook === b.workbook;
}

/**
 * What a sales check keeps: its counts and lists, and the new sales themselves in a temporary
 * table of the worker's connection (`import-kept-sales.ts`), dropped with it.
 */
export interface KeptSales {
  tally: SalesTally;
  /** The managers the file names that the workbook lacks (to be created by the run). */
  newManagers: string[];
  /** Rows to write. */
  rows: number;
  /** The clients of those rows with their latest purchase days (`KeptSalesTable.days`). */
  days: LatestDays;
  /** Those clients as the check read them, for the ladder (`KeptSalesTable.people`). */
  people: LadderPerson[] | null;
  release: () => void;
}

type Kept = { stamp: PlanStamp; plan: ImportPlan } | { stamp: PlanStamp; sales: KeptSales };

/** Holds at most one plan: the last check's, until the next step takes it or drops it. */
export class PlanKeeper {
  private kept: Kept | null = null;

  keep(stamp: PlanStamp, plan: ImportPlan): void {
    this.drop();
    this.kept = { stamp, plan };
  }

  keepSales(stamp: PlanStamp, sales: KeptSales): void {
    this.drop();
    this.kept = { stamp, sales };
  }

  /** The kept plan if it was made from the same things as `stamp`; given once, then dropped. */
  take(stamp: PlanStamp): ImportPlan | null {
    const kept = this.kept;
    if (kept && 'plan' in kept && sameStamp(kept.stamp, stamp)) {
      this.kept = null;
      return kept.plan;
    }
    this.drop();
    return null;
  }

  /**
   * The kept sales check if it was made from the same things as `stamp`: given once, its table
   * then the taker's to release.
   */
  takeSales(stamp: PlanStamp): KeptSales | null {
    const kept = this.kept;
    if (kept && 'sales' in kept && sameStamp(kept.stamp, stamp)) {
      this.kept = null;
      return kept.sales;
    }
    this.drop();
    return null;
  }

  /** Drops the kept plan (another step began: its memory, or its table, is not held any longer). */
  drop(): void {
    const kept = this.kept;
    this.kept = null;
    if (kept && 'sales' in kept) kept.sales.release();
  }
}
