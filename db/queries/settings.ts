/** Key-value settings stored as JSON in the workbook. */
import { eq } from 'drizzle-orm';
import type { Workbook } from '../workbook';
import { settings } from '../schema';

export function readSetting<T>(wb: Workbook, key: string): T | undefined {
  const row = wb.db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : undefined;
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
