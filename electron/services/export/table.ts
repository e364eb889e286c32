/** A table to export: typed columns and rows of plain values, and how cell values convert. */
import type { ExportCell, ExportColumnType } from '../../api/contract';

export interface ExportColumn {
  label: string;
  type: ExportColumnType;
}

export interface ExportTable {
  /** The sheet name and the default file name. */
  title: string;
  columns: ExportColumn[];
  /** One array per row, a cell per column, typed as its column says (see EXPORT_COLUMN_TYPES). */
  rows: ExportCell[][];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Integer minor units as major units with two decimals: -123456 → "-1234.56". */
export function minorToDecimal(minor: number): string {
  const rounded = Math.round(minor);
  const abs = Math.abs(rounded);
  return `${rounded < 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad(abs % 100)}`;
}

/** An ISO time as the wall clock of this computer: "2026-11-12 14:03". */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today's local date, `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A spreadsheet date: Excel stores days since 1900 without a time zone, and exceljs converts a
 * Date through its UTC fields, so the wall-clock fields go into a UTC Date.
 */
export function sheetDate(value: string, type: 'date' | 'datetime'): Date {
  if (type === 'date') {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1));
  }
  const t = new Date(value);
  return new Date(
    Date.UTC(
      t.getFullYear(),
      t.getMonth(),
      t.getDate(),
      t.getHours(),
      t.getMinutes(),
      t.getSeconds(),
    ),
  );
}
