/**
 * The check step of an import: the mapping is sound, every row is converted and validated
 * (row, column, problem), duplicates of existing clients and of earlier rows are found, and
 * what will be created, updated or skipped is decided. Nothing is written here.
 */
import type { FieldDef, Locale } from '../../api/contract';
import { AppError } from '../../api/errors';
import { listFields } from '../../../db/queries/fields';
import type { Workbook } from '../../../db/workbook';
import type { SourceTable } from './source';
import { targetFields } from './targets';
import { numberConvention, readDateColumn, type DateOrder, type DateReading } from './values';
import type { ImportOptions, ImportPlan, MappedColumn, PlanEnv } from './plan-common';
import { planClients } from './plan-clients';
import type { ConvertContext } from './convert';

export * from './plan-common';

/** The plan of a clients import (a sales import is planned chunk by chunk: `run-sales.ts`). */
export function planImport(
  wb: Workbook,
  table: SourceTable,
  options: ImportOptions,
  env: PlanEnv,
): ImportPlan {
  const custom = listFields(wb, false);
  const columns = checkMapping(table, options, custom, env.locale);
  checkDates(table, columns, options.dateOrders ?? {});
  return planClients(wb, table, columns, options, convertContext(table, options, env), env);
}

/** How the cells of this file read: the user's date orders, its way of writing numbers. */
export function convertContext(
  table: Pick<SourceTable, 'delimiter' | 'format'>,
  options: ImportOptions,
  env: Pick<PlanEnv, 'locale' | 'today'>,
): ConvertContext {
  return {
    locale: env.locale,
    today: env.today,
    dateOrders: options.dateOrders ?? {},
    numbers: {
      locale: numberConvention(table.delimiter, env.locale),
      sheet: table.format === 'xlsx',
    },
  };
}

/** The mapped columns, or an error naming the mapping entry that is wrong. */
export function checkMapping(
  table: Pick<SourceTable, 'headers'>,
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
function dateReadings(table: SourceTable, columns: MappedColumn[]): Record<string, DateReading> {
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
