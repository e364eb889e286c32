/**
 * Each test gets its own browser shell: the built `dist/main/web.cjs` on a free port with a
 * fresh workbook in a temp folder and a random token, stopped and removed afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster';
import { ClientsPage } from './pages/clients-page';
import { ClientCardPage } from './pages/client-card-page';

export interface Shell {
  origin: string;
  token: string;
  workbook: string;
  /** The address a user opens: origin plus the token in the fragment. */
  url: string;
  /** Calls a channel over HTTP like an outside tool would. */
  call(channel: string, input?: unknown): Promise<unknown>;
  /** Moves the shell's clock forward (its test clock); resolves to the shell's new time. */
  advanceClock(ms: number): Promise<Date>;
}

/** The instant cut to its whole second, as a `datetime-local` input with seconds holds it. */
export function secondOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

/**
 * The shell keeps V8's compiled code of its bundle in its data folder (electron/code-cache.ts),
 * so that a user's second start does not compile it again. Every test has a data folder of its
 * own, so each would compile the whole bundle, as at a first start; the tests' shells share one
 * cache folder instead (one file per build, replaced when the build changes).
 */
const SHARED_CODE_CACHE = path.join(os.tmpdir(), 'kartoteka-e2e-code-cache');

function shareCodeCache(dataDir: string): void {
  fs.mkdirSync(SHARED_CODE_CACHE, { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const link = path.join(dataDir, 'code-cache');
  // A second shell on the same folder (a restart) finds the link there already.
  if (!fs.existsSync(link)) fs.symlinkSync(SHARED_CODE_CACHE, link, 'dir');
}

export async function startShell(
  dir: string,
  options: { args?: string[] } = {},
): Promise<{ shell: Shell; child: ChildProcess }> {
  const workbook = path.join(dir, 'e2e.kartoteka');
  const token = crypto.randomBytes(16).toString('hex');
  shareCodeCache(path.join(dir, 'data'));
  const child = spawn(
    process.execPath,
    [
      'dist/main/web.cjs',
      '--workbook',
      workbook,
      '--port',
      '0',
      '--token',
      token,
      '--data-dir',
      path.join(dir, 'data'),
      '--test-clock',
      ...(options.args ?? []),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'ru_RU.UTF-8', KARTOTEKA_TEST: '1' },
    },
  );
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web shell did not start:\n${output}`)),
      15_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web shell exited with ${code}:\n${output}`)));
  });
  const call = async (channel: string, input?: unknown) => {
    const response = await fetch(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: input === undefined ? '' : JSON.stringify(input),
    });
    const body: unknown = await response.json();
    return body;
  };
  const advanceClock = async (ms: number) => {
    const response = await fetch(`${origin}/test/clock`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: ms }),
    });
    const body = (await response.json()) as { ok: boolean; data: { now: string } };
    if (!body.ok) throw new Error(`the shell's clock did not move: ${JSON.stringify(body)}`);
    return new Date(body.data.now);
  };
  return {
    shell: { origin, token, workbook, url: `${origin}/#token=${token}`, call, advanceClock },
    child,
  };
}

/** Runs a test with a shell of its own: started before, stopped and its folder removed after. */
async function withShell(use: (shell: Shell) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-'));
  const { shell, child } = await startShell(dir);
  await use(shell);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  fs.rmSync(dir, { recursive: true, force: true });
}

interface Fixtures {
  shell: Shell;
  clients: ClientsPage;
  card: ClientCardPage;
  /**
   * A second browser shell on a workbook of its own (another device), started only for the
   * tests that ask for it.
   */
  otherShell: Shell;
  /** A page in a browser context of its own, for the other shell (its own session storage). */
  otherPage: Page;
}

interface WorkerFixtures {
  /**
   * A throwaway PostgreSQL for the sync tests (`createDatabase()` gives each test its own hub),
   * started only when a test first asks for it and kept for the worker's run.
   */
  pgCluster: PgCluster;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  shell: async ({}, use) => {
    await withShell(use);
  },
  clients: async ({ page, shell }, use) => {
    await use(new ClientsPage(page, shell));
  },
  card: async ({ page }, use) => {
    await use(new ClientCardPage(page));
  },
  otherShell: async ({}, use) => {
    await withShell(use);
  },
  pgCluster: [
    async ({}, use) => {
      const cluster = await startPgCluster();
      await use(cluster);
      await cluster.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  otherPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };

/**
 * Goes to a screen by a full navigation (the query makes it one). After a workbook switch the
 * program reloads itself; a hash change could land in the middle of that reload, a navigation
 * replaces it.
 */
export async function visit(page: Page, route: string): Promise<void> {
  await page.goto(new URL(`/?visit#${route}`, page.url()).toString());
}
