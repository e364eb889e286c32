/**
 * The first dashboard a user meets after opening the analytics bench's workbook (50,000 clients,
 * 1,000,000 sales, made by ./analytics.ts): the first ever (no snapshot: every sale is read),
 * after closing and opening it again (the worker starts from the stored snapshot), and after a
 * few sales added before the reopen (the snapshot patched). Each beside the bare
 * `SELECT client_id, date, amount FROM sales` scan measured in the same run; the list and Today
 * are called while the first-ever load runs, to show the app answers meanwhile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createApp, type App } from '../../electron/app';
import { openWorkbook } from '../../db/workbook';
import { copyDurably, timeAsync, timeSync, type Figure } from '../measure';
import { analyticsRefresh } from './analytics';
import { callApp, type BenchContext, type Measurement } from './types';

/** The workbook ./analytics.ts caches (its VERSION 2) and the day its figures are asked for. */
const CACHED = path.join(os.tmpdir(), 'kartoteka-bench-analytics-v2.kartoteka');
const END = '2026-06-30';

type Board = { timings: Record<string, number> };

function scanFloor(file: string): number {
  const raw = new Database(file, { readonly: true });
  try {
    const scan = raw.prepare('SELECT client_id, date, amount FROM sales').raw();
    const count = () => {
      let n = 0;
      const rows = scan.iterate();
      while (!rows.next().done) n += 1;
      return n;
    };
    count();
    return Math.min(timeSync(count)[1], timeSync(count)[1]);
  } finally {
    raw.close();
  }
}

function open(bench: BenchContext, file: string): App {
  return createApp({
    workbookPath: file,
    migrationsDir: bench.migrationsDir,
    dataDir: bench.dataDir,
    shell: 'web',
    version: 'bench',
    systemLocale: 'en',
    now: () => new Date(`${END}T12:00:00.000Z`),
    analyticsWorker: path.join(__dirname, 'analytics-worker.cjs'),
    integrityWorker: path.join(__dirname, 'integrity-worker.cjs'),
    dailyBackups: false,
    logger: { info: () => undefined, error: (m) => bench.log(m) },
  });
}

/** Waits (a bench, not a test: polling is fine) until the worker has stored its snapshot. */
async function snapshotStored(file: string): Promise<void> {
  const db = new Database(file, { readonly: true });
  try {
    const stored = db.prepare('SELECT count(*) FROM analytics_snapshot').pluck();
    for (let i = 0; i < 300 && stored.get() === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    db.close();
  }
}

/**
 * The first dashboard after opening `file`, timed from the app's creation; `meanwhile` runs
 * while the worker computes it.
 */
async function firstDashboard(
  bench: BenchContext,
  file: string,
  note: string,
  floorMs: number,
  meanwhile: (app: App) => Promise<Figure[]> = () => Promise.resolve([]),
) {
  const [app, openMs] = timeSync(() => open(bench, file));
  const started = performance.now();
  const pending = callApp<Board>(app, 'analytics.dashboard', { asOf: END });
  const others = await meanwhile(app);
  const board = await pending;
  const ms = performance.now() - started;
  const load = Math.round(board.timings['load'] ?? 0);
  const figures = Math.round((board.timings['total'] ?? 0) - load);
  const figure: Figure = {
    name: note,
    ms,
    floorMs,
    note: `after the open (${Math.round(openMs)} ms); in the worker: load ${load} ms + figures ${figures} ms`,
  };
  return { app, figures: [figure, ...others] };
}

export const coldDashboard: Measurement = {
  name: 'cold-dashboard',
  async run(bench) {
    if (!fs.existsSync(CACHED)) {
      bench.log('cold dashboard: making the analytics workbook first');
      await analyticsRefresh.run(bench);
    }
    const file = path.join(os.tmpdir(), `kartoteka-bench-cold-run-${process.pid}.kartoteka`);
    copyDurably(CACHED, file);
    try {
      // Brought to today's schema first (a one-time upgrade, not what is measured), no snapshot.
      openWorkbook(file, { migrationsDir: bench.migrationsDir }).close();
      const figures: Figure[] = [];
      let floorMs = scanFloor(file);
      // The list, a card and Today while the worker reads every sale: they run in the main process.
      const first = await firstDashboard(
        bench,
        file,
        'first dashboard, workbook never opened (all sales read)',
        floorMs,
        async (app) => {
          const [list, listMs] = await timeAsync(() =>
            callApp<{ rows: { id: string }[] }>(app, 'clients.list', { limit: 100 }),
          );
          const [, cardMs] = await timeAsync(() =>
            callApp(app, 'clients.get', { id: list.rows[0]!.id }),
          );
          const [, agendaMs] = await timeAsync(() =>
            callApp(app, 'reminders.agenda', { date: END }),
          );
          return [
            { name: '  meanwhile: clients.list', ms: listMs, floorMs: null },
            { name: '  meanwhile: clients.get', ms: cardMs, floorMs: null },
            { name: '  meanwhile: reminders.agenda (Today)', ms: agendaMs, floorMs: null },
          ];
        },
      );
      figures.push(...first.figures);
      const [, idleMs] = await timeAsync(() =>
        callApp(first.app, 'reminders.agenda', { date: END }),
      );
      figures.push({
        name: '  reminders.agenda again, worker idle',
        ms: idleMs,
        floorMs: null,
        note: 'what Today costs by itself on this workbook',
      });
      await snapshotStored(file);
      first.app.close();

      floorMs = scanFloor(file);
      const second = await firstDashboard(
        bench,
        file,
        'first dashboard after a reopen (target ≤ 1.5× floor)',
        floorMs,
      );
      figures.push(...second.figures);
      const app2 = second.app;
      const ids = app2.wb.sqlite
        .prepare('SELECT id FROM clients ORDER BY id LIMIT 5 OFFSET 1000')
        .pluck()
        .all() as string[];
      for (const clientId of ids)
        await callApp(app2, 'sales.add', { clientId, date: END, amount: 500 });
      app2.close();

      floorMs = scanFloor(file);
      const third = await firstDashboard(
        bench,
        file,
        'first dashboard after 5 sales and a reopen (target ≤ 1.5× floor)',
        floorMs,
      );
      figures.push(...third.figures);
      third.app.close();

      // Today's "due to buy" list asks the worker too: the first one after an open.
      floorMs = scanFloor(file);
      const [app4, openMs] = timeSync(() => open(bench, file));
      const [, dueMs] = await timeAsync(() =>
        callApp(app4, 'analytics.due', { asOf: END, limit: 20 }),
      );
      figures.push({
        name: "first analytics.due after a reopen (Today's due list)",
        ms: dueMs,
        floorMs,
        note: `after the open (${Math.round(openMs)} ms)`,
      });
      app4.close();
      return figures;
    } finally {
      for (const suffix of ['', '-wal', '-shm', '.lock']) {
        fs.rmSync(`${file}${suffix}`, { force: true });
      }
      // The upgrade above leaves the copy's pre-migration backup beside it (~200 MB each run).
      const base = path.basename(file);
      for (const name of fs.readdirSync(path.dirname(file)))
        if (name.startsWith(`${base}.before-migration-`))
          fs.rmSync(path.join(path.dirname(file), name), { force: true });
    }
  },
};
