/**
 * Checking a sales import: each row finds its client by Kartoteka id, code, tax id, email or
 * phone (the first of those columns that has a value decides), and a row that repeats a sale
 * already in the workbook (same client, date, amount and document number) is a duplicate, as
 * is a row that repeats an earlier row of the file. A bad cell in an optional column is left
 * empty when its policy is `blank`.
 */
import { translate } from '../../api/messages';
import { liveSaleKeys } from '../../../db/queries/import-reads';
import { fold } from '../../../db/queries/search';
import type { Workbook } from '../../../db/workbook';
import type { SaleImportOp, SaleImportValues } from '../../../db/queries/import-write';
import { emailKey } from '../../../kernel/emails';
import { phoneKey } from '../../../kernel/phones';
import { ClientIndex } from './client-index';
import { convertCell, type ConvertContext } from './convert';
import {
  cellPolicy,
  emptyPlan,
  knownManagers,
  tick,
  type ImportOptions,
  type ImportPlan,
  type MappedColumn,
  type PlanEnv,
  type RowError,
} from './plan-common';
import type { SourceTable } from './source';
import { taxIdKey } from './values';

const KEY_ORDER = ['id', 'externalId', 'taxId', 'email', 'phone'] as const;

export function planSales(
  wb: Workbook,
  table: SourceTable,
  columns: MappedColumn[],
  options: ImportOptions,
  ctx: ConvertContext,
  env: PlanEnv,
): ImportPlan {
  const index = new ClientIndex(wb, { ids: columns.some((c) => c.field.key === 'id') });
  const managers = knownManagers(wb);
  const plan = emptyPlan('sales', table.rows.length);
  const keyColumns = KEY_ORDER.map((k) => columns.find((c) => c.field.key === k)).filter(
    (c): c is MappedColumn => c !== undefined,
  );
  const valueColumns = columns.filter((c) => !c.field.clientKey);
  const newManagers = new Map<string, string>();
  const candidates: { op: SaleImportOp; clientName: string }[] = [];

  table.rows.forEach((cells, i) => {
    tick(env, i, table.rows.length);
    const row = i + 2;
    const errors: RowError[] = [];
    const client = findClient(index, keyColumns, cells, row, ctx, errors);
    const values: Record<string, unknown> = {};
    let managerName: string | null = null;
    for (const c of valueColumns) {
      const raw = cells[c.index] ?? '';
      if (raw.trim() === '') {
        if (c.field.required) {
          errors.push({
            row,
            column: c.header,
            value: '',
            message: translate(ctx.locale, 'required'),
          });
        }
        continue;
      }
      const converted = convertCell(c.field, c.header, raw, ctx);
      if (!converted.ok) {
        const error = { row, column: c.header, value: raw, message: converted.message };
        errors.push(cellPolicy(options, c) === 'blank' ? { ...error, blanked: true } : error);
      } else if (c.field.kind === 'manager') managerName = converted.value as string;
      else values[c.field.key] = converted.value;
    }
    if (errors.some((e) => !e.blanked) || !client) {
      plan.errors.push(...errors.map(({ blanked: _, ...e }) => e));
      plan.invalid += 1;
      return;
    }
    plan.errors.push(...errors);
    if (errors.length > 0) plan.blanked += 1;
    if (managerName && !managers.has(fold(managerName)))
      newManagers.set(fold(managerName), managerName);
    candidates.push({
      op: {
        row,
        action: 'create',
        clientId: client.id,
        saleId: null,
        values: values as unknown as SaleImportValues,
        managerName,
      },
      clientName: client.name,
    });
  });

  const existing = existingSales(wb, [...new Set(candidates.map((c) => c.op.clientId))]);
  const inFile = new Map<string, number>();
  for (const { op, clientName } of candidates) {
    const key = saleKey(op.clientId, op.values);
    const saleId = existing.get(key);
    const firstRow = inFile.get(key);
    if (saleId !== undefined || firstRow !== undefined) {
      plan.duplicates.push({
        row: op.row,
        matchedBy: 'sale',
        clientId: op.clientId,
        name: clientName,
        firstRow: firstRow ?? null,
      });
      if (options.onDuplicate === 'skip') {
        plan.willSkip += 1;
        continue;
      }
      if (options.onDuplicate === 'update') {
        if (saleId === undefined) {
          plan.willSkip += 1;
          continue;
        }
        op.action = 'update';
        op.saleId = saleId;
        plan.saleOps.push(op);
        plan.willUpdate += 1;
        continue;
      }
    }
    inFile.set(key, op.row);
    plan.saleOps.push(op);
    plan.willCreate += 1;
  }
  plan.newManagers = [...newManagers.values()];
  return plan;
}

function saleKey(clientId: string, v: SaleImportValues): string {
  return `${clientId}\u0000${v.date}\u0000${v.amount}\u0000${v.docNo ?? ''}`;
}

/** The client a row names, or an error on the column that names it. */
function findClient(
  index: ClientIndex,
  keyColumns: MappedColumn[],
  cells: string[],
  row: number,
  ctx: ConvertContext,
  errors: RowError[],
): { id: string; name: string } | null {
  for (const c of keyColumns) {
    const raw = (cells[c.index] ?? '').trim();
    if (!raw) continue;
    const key = c.field.key;
    const live = (c: { deleted: boolean } | undefined) => c !== undefined && !c.deleted;
    const found =
      key === 'id'
        ? [index.byId.get(raw)].filter(live)
        : key === 'externalId'
          ? [index.byExternal.get(raw)].filter(live)
          : key === 'taxId'
            ? index.byTax.get(taxIdKey(raw) ?? '')
            : key === 'email'
              ? index.byEmail.get(emailKey(raw) ?? '')
              : index.byPhone.get(phoneKey(raw) ?? '');
    const list = found ?? [];
    if (list.length === 1) return list[0]!;
    const message =
      list.length === 0
        ? translate(ctx.locale, 'import_client_not_found', { value: raw })
        : translate(ctx.locale, 'import_client_ambiguous', { value: raw, count: list.length });
    errors.push({ row, column: c.header, value: raw, message });
    return null;
  }
  errors.push({
    row,
    column: keyColumns[0]?.header ?? null,
    value: '',
    message: translate(ctx.locale, 'import_client_missing'),
  });
  return null;
}

/** Live sales of the given clients by client, date, amount and document number. */
function existingSales(wb: Workbook, clientIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (clientIds.length === 0) return out;
  for (const [id, clientId, date, amount, docNo] of liveSaleKeys(wb, clientIds)) {
    out.set(saleKey(clientId, { date, amount, docNo }), id);
  }
  return out;
}
