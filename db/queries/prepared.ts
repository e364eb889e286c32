/**
 * Statements prepared once per workbook and kept by their text: the list, the card and sync
 * run the same few statements thousands of times, and preparing one costs more than running
 * it on a page of rows.
 */
import type { Statement } from 'better-sqlite3';
import type { Workbook } from '../workbook';

const statements = new WeakMap<Workbook, Map<string, Statement>>();

export function prepared(wb: Workbook, text: string): Statement {
  let byText = statements.get(wb);
  if (!byText) {
    byText = new Map();
    statements.set(wb, byText);
  }
  let statement = byText.get(text);
  if (!statement) {
    statement = wb.sqlite.prepare(text);
    byText.set(text, statement);
  }
  return statement;
}
