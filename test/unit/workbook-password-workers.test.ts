/**
 * The worker threads open an encrypted workbook with its key: an import runs in the import
 * worker and the dashboard is computed in the analytics worker (bundled from the real sources,
 * as the build does), with no fallback to this thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../electron/app';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';
import { bundleFolder, bundleForNode } from '../helpers/bundle';

let bundleDir: string;
let dir: string;
let app: App;
const logged: string[] = [];

beforeAll(async () => {
  // Inside the project, so that the bundles find the native driver in its node_modules.
  // (test-results/ is not there in a fresh checkout before the first e2e run.)
  bundleDir = bundleFolder('password-workers');
  await bundleForNode(
    {
      'import-worker': 'electron/services/import/worker.ts',
      'analytics-worker': 'electron/services/analytics/worker.ts',
    },
    bundleDir,
  );
  dir = tempDir('kartoteka-password-workers-');
  app = createApp({
    workbookPath: path.join(dir, 'Шифр.kartoteka'),
    migrationsDir: MIGRATIONS_DIR,
    dataDir: dir,
    shell: 'web',
    version: 'test',
    systemLocale: 'en',
    importWorker: path.join(bundleDir, 'import-worker.cjs'),
    analyticsWorker: path.join(bundleDir, 'analytics-worker.cjs'),
    logger: { info: () => undefined, error: (m, e) => logged.push(`${m}: ${String(e)}`) },
  });
}, 60_000);

afterAll(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

async function call(channel: string, input: unknown): Promise<unknown> {
  const envelope = await app.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.data;
}

describe('workers on an encrypted workbook', () => {
  it('import through the import worker and the dashboard from the analytics worker', async () => {
    await call('workbook.setPassword', { new: 'ключ с пробелом и "кавычками"' });
    const csv = path.join(dir, 'clients.csv');
    fs.writeFileSync(
      csv,
      'Name;Phone;Code\nАнна;+7 900 111-22-33;A1\nБорис;+7 900 111-22-44;B2\nВера;+7 900 111-22-55;C3\n',
    );
    app.ctx.importer.allowFile(csv);
    const mapping = { Name: 'name', Phone: 'phone', Code: 'externalId' };
    const result = await call('import.run', {
      path: csv,
      target: 'clients',
      mapping,
      onDuplicate: 'update',
      onInvalid: 'abort',
    });
    expect(result).toMatchObject({ inserted: 3, total: 3 });

    const rows = (await call('clients.list', {})) as { rows: { id: string; name: string }[] };
    const anna = rows.rows.find((r) => r.name === 'Анна')!;
    await call('sales.add', { clientId: anna.id, date: '2026-01-10', amount: 150_00 });
    const board = await call('analytics.abcxyz', { from: '2026-01-01', to: '2026-12-31' });
    expect(board).toMatchObject({ clients: [{ clientId: anna.id, abc: 'A' }] });
    // Neither worker fell back to this thread, and nothing failed on the way.
    expect(logged).toEqual([]);
    expect((await call('workbook.info', undefined)) as object).toMatchObject({ encrypted: true });
  }, 60_000);
});
