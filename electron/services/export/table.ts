/** A table to export: typed columns and rows of plain values, and how cell values convert. */
import type { ExportCell } from '../../api/contract';
import type { ExportColumn } from '../../../db/queries/export-shape';

export type { ExportColumn };

export interface ExportTable {
  /** The sheet name and the default file name. */
  title: string;
  columns: ExportColumn[];
  /** One array per row, a cell per column, typed as its column says (see EXPORT_COLUMN_TYPES). */
  rows: ExportCell[][];
}

/**
 * The wall clock of an instant in a time zone: the screen's (the renderer sends its zone) or,
 * when none is given, this computer's. The main process may run in another zone than the window
 * (a browser shell started as a service in UTC), so a time is never read off the process clock.
 * Kept here until kernel/local-date.ts offers zoned wall-clock parts.
 */
interface WallClock {
  date: string;
  time: string;
  seconds: number;
  /** `+03:00`, `-04:30`, `+00:00`. */
  offset: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: Date, timeZone: string | undefined): WallClock {
  const key = timeZone ?? '';
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      ...(timeZone ? { timeZone } : {}),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(key, format);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  const offset = (parts.timeZoneName ?? '').replace('GMT', '') || '+00:00';
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    seconds: Number(parts.second),
    offset,
  };
}

/** An ISO time as the screen shows it, with its offset: "2026-11-30 11:44 +03:00". */
export function localDateTime(iso: string, timeZone?: string): string {
  const clock = wallClock(new Date(iso), timeZone);
  return `${clock.date} ${clock.time} ${clock.offset}`;
}

/** Today's local date, `YYYY-MM-DD`. */
export function localDate(now: Date, timeZone?: string): string {
  return wallClock(now, timeZone).date;
}

/**
 * A spreadsheet date: Excel stores days since 1900 without a time zone, and exceljs converts a
 * Date through its UTC fields, so the wall-clock fields go into a UTC Date.
 */
export function sheetDate(value: string, type: 'date' | 'datetime', timeZone?: string): Date {
  if (type === 'date') {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1));
  }
  const clock = wallClock(new Date(value), timeZone);
  return new Date(`${clock.date}T${clock.time}:${String(clock.seconds).padStart(2, '0')}Z`);
}
