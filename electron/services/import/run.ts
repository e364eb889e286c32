/**
 * The three steps of an import as plain functions over an open workbook: preview a file, check
 * a mapping against it, and run it. They run in the import worker (or inline in tests) and
 * report progress through the given callback; a cancel is seen between rows.
 */
import path from 'node:path';
import type { ImportCheck, ImportPhase, ImportPreview, ImportResult } from '../../api/contract';
import { AppError } from '../../api/errors';
import { listFields } from '../../../db/queries/fields';
import type { WriteContext } from '../../../db/queries/history';
import { changeMark } from '../../../db/queries/change-mark';
import { clientsChangedBy } from '../../../db/queries/import-reads';
import { countUnchanged } from '../../../db/queries/import-unchanged';
import { writeImport } from '../../../db/queries/import-write';
import { readSetting, writeSetting } from '../../../db/queries/settings';
import type { Workbook } from '../../../db/workbook';
import { withExportHeaders } from './export-headers';
import { planStamp } from './kept-plan';
import {
  ImportCancelled,
  isKeyColumn,
  planImport,
  type ImportOptions,
  type ImportPlan,
} from './plan';
import type { ImportEnv, SourceRequest } from './plan-common';
import { checkSales, runSales } from './run-sales';
import { readSource, sampleSource, type SourceTable } from './source';
import { headerKey, suggestMapping, targetFields, type ImportTarget } from './targets';

export const PREVIEW_ROWS = 20;
/** At most this many errors and duplicates travel back; the counts are always whole. */
export const LIST_LIMIT = 5000;
export const MAPPINGS_SETTING = 'importMappings';

export type { ImportCheck, ImportPhase, ImportPreview, ImportResult };

export type { ImportEnv, SourceRequest } from './plan-common';

type SavedMappings = Partial<Record<ImportTarget, Record<string, string>>>;

export async function previewImport(
  wb: Workbook,
  request: SourceRequest,
  env: ImportEnv,
): Promise<ImportPreview> {
  env.keeper?.drop();
  env.onProgress?.('read', 0, 1);
  const { table, totalRows, readers } = await sampleSource(
    request.path,
    request.sheet,
    PREVIEW_ROWS,
  );
  const fields = withExportHeaders(targetFields(request.target, listFields(wb, false)));
  const saved = readSetting<SavedMappings>(wb, MAPPINGS_SETTING)?.[request.target] ?? {};
  const suggestedMapping = suggestMapping(table.headers, fields, saved);
  const allColumns = table.headers.map((header, index) => ({
    index,
    header,
    field: fields.find((f) => f.key === suggestedMapping[header]) ?? {
      key: '',
      kind: 'date' as const,
      label: { en: '', ru: '' },
      synonyms: [],
    },
  }));
  const dateColumns = Object.fromEntries(
    allColumns
      .filter((c) => c.field.kind === 'date' || c.field.def?.type === 'date')
      .map((c) => [c.header, readers[c.index]!.reading()] as const)
      .filter(([, reading]) => reading !== 'none'),
  );
  return {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheets: table.sheets,
    sheet: table.sheet,
    headers: table.headers,
    rows: table.rows,
    totalRows,
    suggestedMapping,
    fields: fields.map((f) => ({
      key: f.key,
      label: f.label[env.locale],
      required: Boolean(f.required),
      clientKey: Boolean(f.clientKey),
      badCell: f.required || f.clientKey ? 'fixed' : isKeyColumn(f) ? 'skip' : 'blank',
    })),
    dateColumns,
  };
}

async function load(request: SourceRequest, env: ImportEnv): Promise<SourceTable> {
  env.onProgress?.('read', 0, 1);
  const table = await readSource(request.path, { sheet: request.sheet });
  if (env.cancelled?.()) throw new ImportCancelled();
  return table;
}

function plan(wb: Workbook, table: SourceTable, options: ImportOptions, env: ImportEnv) {
  return planImport(wb, table, options, {
    locale: env.locale,
    today: env.today,
    onProgress: (done, total) => env.onProgress?.('check', done, total),
    ...(env.cancelled ? { cancelled: env.cancelled } : {}),
  });
}

export async function checkImport(
  wb: Workbook,
  request: SourceRequest & ImportOptions,
  env: ImportEnv,
): Promise<ImportCheck> {
  env.keeper?.drop();
  if (request.target === 'sales') return checkSales(wb, request, { ...env, listLimit: LIST_LIMIT });
  // Taken before the file and the workbook are read: a change while the check reads them makes
  // the run's stamp differ, and the run plans again.
  const stamp = env.keeper ? planStamp(wb, request, env) : null;
  const table = await load(request, env);
  const p = plan(wb, table, request, env);
  if (stamp) env.keeper?.keep(stamp, p);
  const unchanged = countUnchanged(wb, p.clientOps, p.saleOps, p.clientOpRows);
  return {
    total: p.total,
    valid: p.total - p.invalid,
    invalid: p.invalid,
    willCreate: p.willCreate,
    willUpdate: p.willUpdate - unchanged,
    willSkip: p.willSkip + unchanged,
    unchanged,
    skippedByChoice: p.skippedByChoice,
    merged: p.merged,
    blanked: p.blanked,
    errors: p.errors.slice(0, LIST_LIMIT),
    errorsTotal: p.errors.length,
    duplicates: p.duplicates.slice(0, LIST_LIMIT),
    duplicatesTotal: p.duplicates.length,
    groups: p.groups.slice(0, LIST_LIMIT),
    groupsTotal: p.groups.length,
    groupColumns: p.groupColumns,
    newManagers: p.newManagers,
  };
}

/**
 * Writes the file (its kept check's plan when nothing changed since), then remembers its mapping
 * for the next file with these headers. The connection that wrote the run writes that too: the
 * import worker's commits do not wait for the disk, and the app's connection, whose commits do,
 * would wait for the run's whole WAL to reach it, and for its checkpoint (0.5–2.8 s after a
 * million sales).
 */
export async function runImport(
  ctx: WriteContext,
  request: SourceRequest & ImportOptions,
  env: ImportEnv,
): Promise<ImportResult> {
  const result = await writeFile(ctx, request, env);
  if (result.batchId) {
    const mappings = rememberedMappings(ctx.wb, request.target, request.mapping);
    writeSetting(ctx.wb, MAPPINGS_SETTING, mappings, ctx.now());
  }
  return result;
}

async function writeFile(
  ctx: WriteContext,
  request: SourceRequest & ImportOptions,
  env: ImportEnv,
): Promise<ImportResult> {
  if (request.target === 'sales') return runSales(ctx, request, { ...env, listLimit: LIST_LIMIT });
  const stamp = env.keeper ? planStamp(ctx.wb, request, env) : null;
  const kept = stamp ? (env.keeper?.take(stamp) ?? null) : null;
  if (kept && stamp) {
    try {
      // The check's plan, written only if the workbook is still as it was when the check began
      // (seen again inside the transaction, once no other connection can write).
      return writePlan(ctx, request, env, kept, () => {
        if (changeMark(ctx.wb) !== stamp.workbook) throw new StalePlan();
      });
    } catch (error) {
      if (!(error instanceof StalePlan)) throw error;
    }
  }
  const table = await load(request, env);
  return writePlan(ctx, request, env, plan(ctx.wb, table, request, env));
}

/** A kept plan whose workbook changed before the write began: the run plans again. */
class StalePlan extends Error {}

function writePlan(
  ctx: WriteContext,
  request: SourceRequest & ImportOptions,
  env: ImportEnv,
  p: ImportPlan,
  onStart?: () => void,
): ImportResult {
  const base = {
    errors: p.errors.slice(0, LIST_LIMIT),
    errorsTotal: p.errors.length,
    duplicates: p.duplicates.length,
    invalid: p.invalid,
    total: p.total,
    blanked: p.blanked,
  };
  if (p.invalid > 0 && request.onInvalid === 'abort') {
    return {
      batchId: null,
      inserted: 0,
      updated: 0,
      skipped: p.total - p.invalid,
      skippedByChoice: 0,
      unchanged: 0,
      merged: 0,
      aborted: true,
      ...base,
    };
  }
  const written = writeImport(ctx, p.clientOps, p.saleOps, {
    label: path.basename(request.path).slice(0, 200),
    newManagers: p.newManagers,
    ...(onStart ? { onStart } : {}),
    onRow: (done, total) => {
      if (env.cancelled?.()) throw new ImportCancelled();
      env.onProgress?.('write', done, total);
    },
  });
  const unchanged = unchangedRows(ctx, p, written.batchId, written.updated);
  return {
    batchId: written.batchId,
    inserted: written.inserted,
    updated: p.willUpdate - unchanged,
    skipped: p.willSkip + unchanged,
    skippedByChoice: p.skippedByChoice,
    unchanged,
    merged: p.merged,
    aborted: false,
    ...base,
  };
}

/**
 * Rows whose update changed nothing (nothing was written for them): counted as skipped, so
 * every row still has one outcome. A client's update covers the rows merged into it too.
 */
function unchangedRows(ctx: WriteContext, p: ImportPlan, batchId: string | null, updated: number) {
  const saleUpdates = p.saleOps.filter((op) => op.action === 'update').length;
  if (p.target === 'sales') return saleUpdates - updated;
  if (!p.clientOps.some((op) => op.action === 'update')) return 0;
  // No batch: the write found nothing to change at all.
  const changed = new Set(batchId === null ? [] : clientsChangedBy(ctx.wb, batchId));
  let unchanged = 0;
  p.clientOps.forEach((op, i) => {
    if (op.action === 'update' && !changed.has(op.clientId!)) unchanged += p.clientOpRows[i] ?? 1;
  });
  return unchanged;
}

/** Remembers the user's mapping by header, for the next file with the same columns. */
export function rememberedMappings(
  wb: Workbook,
  target: ImportTarget,
  mapping: Record<string, string | null>,
): SavedMappings {
  const all = readSetting<SavedMappings>(wb, MAPPINGS_SETTING) ?? {};
  const mine = { ...(all[target] ?? {}) };
  for (const [header, key] of Object.entries(mapping)) mine[headerKey(header)] = key ?? '';
  return { ...all, [target]: mine };
}

export function cancelledError(): AppError {
  return new AppError('conflict', 'import_cancelled');
}
