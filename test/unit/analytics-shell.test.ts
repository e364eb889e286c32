/**
 * The analytics channels over the browser shell answer with exactly the text of the engine's
 * answer (the worker writes it as JSON once and the shell sends it as it is), and in-process
 * callers (Electron's IPC) still get the same answer as values. The worker is bundled from the
 * real sources, as the build does, so the answers cross the thread boundary as in the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../electron/app';
import {
  abcxyzFigures,
  retentionFigures,
  rfmFigures,
} from '../../electron/services/analytics/figures';
import { readAnalyticsSettings } from '../../electron/services/analytics/settings';
import { loadSalesData } from '../../electron/services/analytics/source';
import { startWebServer, type WebServer } from '../../electron/web-server';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';
import { bundleFolder, bundleForNode } from '../helpers/bundle';

const TOKEN = 'shell-token-analytics';
let bundleDir: string;
let dir: string;
let app: App;
let server: WebServer;
const logged: string[] = [];

async function call<T>(channel: string, input: unknown): Promise<T> {
  const envelope = await app.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.data as T;
}

beforeAll(async () => {
  bundleDir = bundleFolder('analytics-shell');
  await bundleForNode({ 'analytics-worker': 'electron/services/analytics/worker.ts' }, bundleDir);
  dir = tempDir('kartoteka-analytics-shell-');
  app = createApp({
    workbookPath: path.join(dir, 'shell.kartoteka'),
    migrationsDir: MIGRATIONS_DIR,
    dataDir: dir,
    shell: 'web',
    version: 'test',
    systemLocale: 'en',
    analyticsWorker: path.join(bundleDir, 'analytics-worker.cjs'),
    logger: { info: () => undefined, error: (m, e) => logged.push(`${m}: ${String(e)}`) },
  });
  // Ties in every score, a free item, a return that outweighs a purchase, a client with no sale,
  // and external ids that need escaping in JSON.
  const plan: [string | null, [string, number][]][] = [
    [
      'K"1',
      [
        ['2025-03-01', 100_00],
        ['2025-09-01', 100_00],
      ],
    ],
    [
      'K\\2',
      [
        ['2025-03-01', 100_00],
        ['2025-09-01', 100_00],
      ],
    ],
    ['Ключ 3', [['2025-12-01', 0]]],
    [
      null,
      [
        ['2025-08-01', 50_00],
        ['2025-08-05', -200_00],
      ],
    ],
    [
      'K5',
      [
        ['2026-01-15', 300_00],
        ['2026-02-15', 10_00],
        ['2026-05-01', 990_00],
      ],
    ],
    ['K6', []],
    ['K7 «ёж»', [['2024-01-10', 75_00]]],
  ];
  for (const [externalId, sales] of plan) {
    const client = await call<{ id: string }>('clients.create', {
      name: `Client ${externalId ?? 'none'}`,
      ...(externalId ? { externalId } : {}),
    });
    for (const [date, amount] of sales) {
      await call('sales.add', { clientId: client.id, date, amount });
    }
  }
  server = await startWebServer({
    dispatch: app.dispatch,
    allowImportFile: () => undefined,
    token: TOKEN,
    port: 0,
    staticDir: bundleDir,
    locale: app.ctx.locale,
    logger: { info: () => undefined, error: (m) => logged.push(m) },
  });
}, 60_000);

afterAll(async () => {
  await server.close();
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

async function overShell(channel: string, input: unknown): Promise<string> {
  const response = await fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return response.text();
}

describe('analytics over the browser shell', () => {
  const window = { from: '2025-07-01', to: '2026-06-30' };
  const cases: [string, unknown, () => unknown][] = [
    [
      'analytics.rfm',
      { asOf: '2026-06-30' },
      () => rfmFigures(loadSalesData(app.wb), '2026-06-30'),
    ],
    [
      'analytics.abcxyz',
      window,
      () => abcxyzFigures(loadSalesData(app.wb), window, readAnalyticsSettings(app.wb)),
    ],
    [
      'analytics.retention',
      { periods: [window] },
      () => retentionFigures(loadSalesData(app.wb), [window], 365),
    ],
  ];

  it.each(cases)(
    '%s answers with the text of the engine’s answer',
    async (channel, input, engine) => {
      const expected = engine();
      expect(await overShell(channel, input)).toBe(JSON.stringify({ ok: true, data: expected }));
      // In the process (Electron's IPC path): the same answer as values, not as text.
      expect(await call(channel, input)).toEqual(expected);
      expect(logged).toEqual([]);
    },
  );

  it('ranks tied clients by id over the shell', async () => {
    const rfm = JSON.parse(await overShell('analytics.rfm', { asOf: '2026-06-30' })) as {
      data: {
        clients: { externalId: string | null; r: number; f: number; m: number; segment: string }[];
      };
    };
    const scores = Object.fromEntries(
      rfm.data.clients.map((c) => [c.externalId ?? 'none', [c.r, c.f, c.m, c.segment]]),
    );
    // Six buyers (K6 bought nothing): positions 0…5 score 1 1 2 3 4 5. R, oldest first: K7 (902
    // days), none (333), K"1 and K\2 (302, tied: K"1 first, created first), Ключ 3 (211), K5 (60).
    // F: Ключ 3, none, K7 (1 day each), K"1, K\2 (2), K5 (3). M: none (−150), Ключ 3 (0), K7 (75),
    // K"1, K\2 (200 each), K5 (1300).
    expect(scores).toEqual({
      'K"1': [2, 3, 3, 'at_risk'],
      'K\\2': [3, 4, 4, 'loyal'],
      'Ключ 3': [4, 1, 1, 'promising'],
      none: [1, 1, 1, 'lost'],
      K5: [5, 5, 5, 'champions'],
      'K7 «ёж»': [1, 2, 2, 'lost'],
    });
  });
});
