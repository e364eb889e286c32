/** Key-value settings stored as JSON in the workbook. */
import type { Workbook } from '../workbook';
import { settings } from '../schema';
import { prepared } from './prepared';

export function readSetting<T>(wb: Workbook, key: string): T | undefined {
  // Prepared once: every page of the client list reads a setting or two (the stage rules).
  const value = prepared(wb, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as
    string | undefined;
  return value === undefined ? undefined : (JSON.parse(value) as T);
}

export function writeSetting(wb: Workbook, key: string, value: unknown, now: Date): void {
  const json = JSON.stringify(value);
  const updatedAt = now.toISOString();
  wb.db
    .insert(settings)
    .values({ key, value: json, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt } })
    .run();
}
