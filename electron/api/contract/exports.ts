/** Export of a list or a report to a file the user opens in Excel: CSV or .xlsx. */
import { z } from 'zod';
import { listQueryShape } from './list';
import { isCalendarDate, isTimeZone, requiredText } from './validators';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** CSV only: UTF-8 with a byte-order mark (Excel reads it), or Windows-1251 for old software. */
export const EXPORT_ENCODINGS = ['utf-8', 'windows-1251'] as const;
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];

/**
 * What a column holds, which decides how a cell is written: `money` is integer minor units
 * (written as major units with 2 decimals), `date` is `YYYY-MM-DD`, `datetime` an ISO time
 * (written in the screen's local time with its offset), `percent` a fraction (0.25 = 25 %).
 */
export const EXPORT_COLUMN_TYPES = [
  'text',
  'number',
  'money',
  'date',
  'datetime',
  'percent',
  'boolean',
] as const;
export type ExportColumnType = (typeof EXPORT_COLUMN_TYPES)[number];

export type ExportCell = string | number | boolean | null;

export const EXPORT_LIMITS = {
  columns: 500,
  rows: 200_000,
  cellChars: 10_000,
  /** Rows × columns: beyond this a workbook would not fit in memory. */
  cells: 10_000_000,
} as const;

const fileOptions = {
  format: z.enum(EXPORT_FORMATS),
  encoding: z.enum(EXPORT_ENCODINGS).optional(),
  /** The name to use instead of the title; the date and the extension are added to it. */
  fileName: z.string().max(100).optional(),
  /**
   * The screen's IANA time zone (`Europe/Moscow`): date-time cells are written in it, with
   * their offset, as the screen shows them. This computer's zone when omitted.
   */
  timeZone: z
    .string()
    .max(100)
    .refine(isTimeZone, { params: { key: 'time_zone_invalid' } })
    .optional(),
};

export const exportClientsInput = z
  .object({
    query: z.object(listQueryShape).strict().optional(),
    /** Column keys as in the list: standard fields, `custom.<key>`, related figures. */
    columns: z
      .array(z.object({ key: z.string().min(1).max(80), label: requiredText(200) }).strict())
      .min(1)
      .max(EXPORT_LIMITS.columns),
    ...fileOptions,
  })
  .strict();
export type ExportClientsInput = z.output<typeof exportClientsInput>;

const cell = z.union([z.string().max(EXPORT_LIMITS.cellChars), z.number(), z.boolean(), z.null()]);

export const exportTableInput = z
  .object({
    title: requiredText(100),
    columns: z
      .array(z.object({ label: requiredText(200), type: z.enum(EXPORT_COLUMN_TYPES) }).strict())
      .min(1)
      .max(EXPORT_LIMITS.columns),
    rows: z.array(z.array(cell).max(EXPORT_LIMITS.columns)).max(EXPORT_LIMITS.rows),
    ...fileOptions,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.rows.length * input.columns.length > EXPORT_LIMITS.cells) {
      ctx.addIssue({ code: 'custom', path: ['rows'], params: { key: 'export_too_many_cells' } });
      return;
    }
    const types = input.columns.map((c) => c.type);
    for (const [i, row] of input.rows.entries()) {
      if (row.length !== types.length) {
        ctx.addIssue({ code: 'custom', path: ['rows', i], params: { key: 'export_row_cells' } });
        continue;
      }
      for (const [j, value] of row.entries()) {
        const problem = cellProblem(types[j]!, value);
        if (problem) ctx.addIssue({ ...problem, path: ['rows', i, j], input: value });
      }
    }
  });
export type ExportTableInput = z.output<typeof exportTableInput>;

/** Why a cell does not fit its column's type, as a zod issue; null when it fits. */
function cellProblem(
  type: ExportColumnType,
  value: ExportCell,
):
  | { code: 'invalid_type'; expected: 'number' | 'boolean' }
  | { code: 'custom'; params: { key: string } }
  | null {
  if (value === null || type === 'text') return null;
  switch (type) {
    case 'number':
    case 'money':
    case 'percent':
      return typeof value === 'number' ? null : { code: 'invalid_type', expected: 'number' };
    case 'boolean':
      return typeof value === 'boolean' ? null : { code: 'invalid_type', expected: 'boolean' };
    case 'date':
      return typeof value === 'string' && isCalendarDate(value)
        ? null
        : { code: 'custom', params: { key: 'date_invalid' } };
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? null
        : { code: 'custom', params: { key: 'datetime_invalid' } };
  }
}

/** A file ready to save. */
export interface ExportFile {
  /** `<title>-YYYY-MM-DD.csv|.xlsx`, safe on every file system. */
  fileName: string;
  mime: string;
  /** The file's bytes, base64. */
  base64: string;
  /** Data rows written, the header not counted. */
  rows: number;
}
