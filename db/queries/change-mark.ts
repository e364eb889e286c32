/**
 * Where a connection's view of the workbook stands: its own writes move `total_changes()`, a
 * commit of another connection (the main process, a worker) moves `data_version`. Two equal
 * marks mean nothing was written in between; a rolled-back write still moves the mark, which
 * only ever makes a cache drop what it holds.
 */
import type { Workbook } from '../workbook';

export function changeMark(wb: Workbook): string {
  const changes = wb.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  const version = wb.sqlite.pragma('data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}

/**
 * Whether no other connection committed between two marks of this connection, whatever it
 * wrote itself (a check's temporary tables move its own count).
 */
export function sameOtherWrites(a: string, b: string): boolean {
  return a.slice(a.indexOf(':')) === b.slice(b.indexOf(':'));
}
