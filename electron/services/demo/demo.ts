/**
 * The demo workbook: a small, realistic Russian client base built by the generator the bench also uses (db/demo/)
 * (clients, portrait fields, three years of seasonal sales with churn, comments) plus a few
 * reminders due around today, so that every screen (Today, the list, a card, the dashboard)
 * can be seen at once on a first run. It lives in the app's own folder, apart from the user's
 * workbooks, and is built once; opening it again opens the same file with what was done in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locale, WorkbookInfo } from '../../api/contract';
import { addDemoReminders } from '../../../db/demo/reminders';
import { writeSetting } from '../../../db/queries/settings';
import type { WorkbookSession } from '../workbook/session';
import { generateWorkbook } from '../../../db/demo/generate';

/** Enough for every figure of the dashboard to mean something, small enough to build at once. */
export const DEMO_CLIENTS = 400;
const DEMO_SEED = 7;

export function demoPath(dataDir: string): string {
  return path.join(dataDir, 'demo', 'Демо.kartoteka');
}

interface DemoContext {
  session: WorkbookSession;
  now: () => Date;
  newId: () => string;
  actor: () => string;
  locale: () => Locale;
}

/** Opens the demo workbook, building it first when there is none; the UI keeps its language. */
export function openDemo(ctx: DemoContext): WorkbookInfo {
  const file = demoPath(ctx.session.dataDir);
  const language = ctx.locale();
  if (ctx.session.isOpen() && path.resolve(ctx.session.wb.file) === path.resolve(file)) {
    return ctx.session.info();
  }
  const fresh = !fs.existsSync(file);
  if (fresh) build(file, ctx);
  ctx.session.open(file);
  const wb = ctx.session.wb;
  writeSetting(wb, 'language', language, ctx.now());
  if (fresh) addDemoReminders({ wb, now: ctx.now, newId: ctx.newId, actor: ctx.actor });
  return ctx.session.info();
}

function build(file: string, ctx: DemoContext): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Built beside its place and moved there whole: a failure leaves no half-made demo behind.
  const partial = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  generateWorkbook({
    file: partial,
    migrationsDir: ctx.session.migrationsDir,
    clients: DEMO_CLIENTS,
    seed: DEMO_SEED,
    now: ctx.now(),
  });
  fs.renameSync(partial, file);
}
