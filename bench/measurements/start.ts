/**
 * Start: from launching the built browser shell (`node dist/main/web.cjs`, `npm run build`
 * first) on a copy of the bench's workbook to a client list that shows its rows and answers
 * typing: Chromium (already running) opens the list (or the printed address, Today, and then
 * the list), waits for its rows, types a surname and waits for the list to hold its matches.
 * Two browsers: the user's, which keeps its cache from one start to the next (a persistent
 * profile; the shell on its usual port, as a user starts it, so the page's scripts and the code
 * compiled from them come from that cache after the first starts), and one that has never seen
 * the page (a fresh context per run, any free port: the first start after an install).
 * The floor is the same run on a workbook of two clients: the same shell, page, browser and
 * steps without the data (its language chosen too, as the bench's workbook has it).
 * Each run starts the shell on the same data folder, as a user's every start is: the second and
 * third take the compiled code the first kept (`electron/code-cache.ts`), the floor's too.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createApp } from '../../electron/app';
import { copyDurably } from '../measure';
import type { BenchContext, Measurement } from './types';

const RUNS = 3;
const SHELL = path.resolve(__dirname, '..', 'main', 'web.cjs');

interface Target {
  workbook: string;
  /** A surname typed into the search box, and how many clients the list then holds. */
  typed: string;
  matches: number;
}

/** Spawns the shell and resolves with its origin once it prints that it listens. */
function startShell(workbook: string, dataDir: string, token: string, anyPort: boolean) {
  const child = spawn(
    process.execPath,
    [
      SHELL,
      '--workbook',
      workbook,
      ...(anyPort ? ['--port', '0'] : []),
      '--token',
      token,
      '--data-dir',
      dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'ru_RU.UTF-8' } },
  );
  let output = '';
  const origin = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) resolve(found[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`shell exited with ${code}: ${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { origin, stop };
}

/**
 * One start, timed from the spawn to a list that has answered the typed surname. `viaToday`:
 * the address the shell prints opens Today, and the user goes on to the list; else the window
 * opens on the list (a reload of it: the token already kept by the page).
 */
/** Where a start's page opens: a tab of the kept browser, or a context never used before. */
interface BrowserSide {
  newPage(): Promise<Page>;
  done(page: Page): Promise<void>;
  /** The shell on any free port (a fresh browser), else on its usual port. */
  anyPort: boolean;
}

function keptBrowser(context: BrowserContext): BrowserSide {
  return { newPage: () => context.newPage(), done: (page) => page.close(), anyPort: false };
}

function freshBrowser(browser: Browser): BrowserSide {
  return {
    newPage: async () => (await browser.newContext({ locale: 'ru-RU' })).newPage(),
    done: (page) => page.context().close(),
    anyPort: true,
  };
}

async function startOnce(
  side: BrowserSide,
  target: Target,
  dataDir: string,
  viaToday: boolean,
): Promise<number> {
  const token = crypto.randomBytes(16).toString('hex');
  const page = await side.newPage();
  if (!viaToday) {
    await page.addInitScript(`sessionStorage.setItem('kartoteka.token', '${token}')`);
  }
  const started = performance.now();
  const shell = startShell(target.workbook, dataDir, token, side.anyPort);
  try {
    const origin = await shell.origin;
    if (viaToday) {
      await page.goto(`${origin}/#token=${token}`);
      await page.locator('.rail').waitFor();
      await page.evaluate("window.location.hash = '#/clients'");
    } else {
      await page.goto(`${origin}/#/clients`);
    }
    await page.locator('.table__row[role="row"]:not(.table__head)').first().waitFor();
    await page.getByRole('searchbox').fill(target.typed);
    await page.locator(`[role="table"][aria-rowcount="${target.matches}"]`).waitFor();
    return performance.now() - started;
  } finally {
    await side.done(page);
    await shell.stop();
  }
}

/** A workbook of two clients beside the bench's, for the floor. */
async function smallWorkbook(bench: BenchContext, dir: string): Promise<Target> {
  const workbook = path.join(dir, 'small.kartoteka');
  const app = createApp({
    workbookPath: workbook,
    migrationsDir: bench.migrationsDir,
    dataDir: path.join(dir, 'small-data'),
    shell: 'web',
    version: 'bench',
    logger: { info: () => {}, error: () => {} },
    dailyBackups: false,
  });
  try {
    // Its language chosen, as the bench's workbook has it: the first start writes nothing.
    const language = await app.dispatch('settings.set', { language: 'ru' });
    if (!language.ok) throw new Error(`settings.set failed: ${language.error.message}`);
    for (const name of ['Иванов Пётр', 'Петрова Анна']) {
      const created = await app.dispatch('clients.create', { name });
      if (!created.ok) throw new Error(`clients.create failed: ${created.error.message}`);
    }
  } finally {
    app.close();
  }
  return { workbook, typed: 'Петрова', matches: 1 };
}

export const shellStart: Measurement = {
  name: 'shell start',
  async run(bench) {
    if (!fs.existsSync(SHELL)) {
      bench.log(`shell start: ${SHELL} is missing (npm run build); skipped`);
      return [];
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-bench-start-'));
    const launch = {
      executablePath: process.env['KARTOTEKA_CHROMIUM'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    };
    const browser = await chromium.launch(launch);
    const kept = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      ...launch,
      locale: 'ru-RU',
    });
    try {
      // A consistent copy of the open workbook: its WAL folded back first.
      bench.app.wb.checkpoint();
      const workbook = path.join(dir, 'start.kartoteka');
      copyDurably(bench.file, workbook);
      const surname = (
        bench.app.wb.sqlite
          .prepare(`SELECT name FROM clients WHERE kind = 'person' AND deleted_at IS NULL LIMIT 1`)
          .pluck()
          .get() as string
      ).split(' ')[0]!;
      const { total } = await bench.call('clients.list', { query: surname, limit: 1 });
      const big: Target = { workbook, typed: surname, matches: total };
      const small = await smallWorkbook(bench, dir);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const figures = [];
      const measure = async (side: BrowserSide, viaToday: boolean) => {
        const times: number[] = [];
        const floors: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          times.push(await startOnce(side, big, path.join(dir, 'data'), viaToday));
          floors.push(await startOnce(side, small, path.join(dir, 'small-data'), viaToday));
        }
        return { ms: median(times), floorMs: median(floors) };
      };
      // The first start ever: the browser has no cache of the page (nor the shell of its code).
      figures.push({
        name: 'shell start to the list, browser cache empty',
        ...(await measure(freshBrowser(browser), false)),
        note: `answers typing; median of ${RUNS}; a fresh browser context each; floor: the same on 2 clients`,
      });
      // Then the user's browser: two starts fill its cache (the second makes Chromium keep the
      // compiled code), and the starts after those are measured.
      const user = keptBrowser(kept);
      for (let i = 0; i < 2; i++) await startOnce(user, small, path.join(dir, 'small-data'), false);
      for (const viaToday of [false, true]) {
        figures.push({
          name: viaToday ? 'shell start, Today then the list' : 'shell start to the list',
          ...(await measure(user, viaToday)),
          note: `answers typing; median of ${RUNS}; the browser keeps its cache, the shell its usual port; floor: the same on 2 clients`,
        });
      }
      return figures;
    } finally {
      await kept.close();
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
