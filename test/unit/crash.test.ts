/**
 * Crash safety, on every run: a child process runs the real main-process code on one workbook
 * (imports of a few thousand rows, bulk edits of thousands of clients, streams of single edits,
 * checkpoints, save-a-copy, setting, changing and removing the password, portable mode's save
 * back to a stick, backups and restores) and is killed with SIGKILL at random moments, 50 times
 * and more.
 * After each kill the workbook must be sound and every batch wholly there or wholly absent
 * (test/crash/verify.ts). The moments come from a seeded random source: a failure prints the
 * seed, and `CRASH_SEED=<seed> npx vitest run test/unit/crash.test.ts` replays the same random
 * choices (where a kill lands still depends on timing); `CRASH_VERBOSE=1` prints every round.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app';
import { Campaign } from '../crash/campaign';
import { bundleChild, type Bundle } from '../crash/process';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';

const SEED = Number(process.env['CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const MIN_KILLS = 50;
/** Kills that must land inside each kind of operation (and inside the opening). */
const PER_KIND = 2;
/** A bound on the rounds, so a kind that cannot be hit fails the test instead of hanging it. */
const MAX_ROUNDS = 200;
const SEEDED_CLIENTS = 3000;

let dir: string;
let bundle: Bundle;
beforeAll(async () => {
  dir = tempDir('kartoteka-crash-');
  bundle = await bundleChild(path.join(dir, 'bundle'));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The starting workbook: clients imported in one batch through the real dispatch. */
async function seedWorkbook(file: string): Promise<{ id: string; code: string }[]> {
  const csv = path.join(dir, 'seed.csv');
  const lines = ['Name;Client code;Phone'];
  for (let i = 0; i < SEEDED_CLIENTS; i++) {
    const n = String(i).padStart(5, '0');
    lines.push(`Клиент ${n};SEED-${n};+7 912 ${String(i).padStart(7, '0')}`);
  }
  fs.writeFileSync(csv, lines.join('\n'));
  const app = createApp({
    workbookPath: file,
    migrationsDir: MIGRATIONS_DIR,
    dataDir: path.join(dir, 'seed-data'),
    shell: 'web',
    version: 'test',
  });
  try {
    app.ctx.importer.allowFile(csv);
    const mapping = { Name: 'name', 'Client code': 'externalId', Phone: 'phone' };
    const input = {
      path: csv,
      target: 'clients',
      mapping,
      onDuplicate: 'update',
      onInvalid: 'abort',
    };
    const result = await app.dispatch('import.run', input);
    if (!result.ok) throw new Error(result.error.message);
    return app.wb.sqlite
      .prepare(
        "SELECT id, external_id AS code FROM clients WHERE external_id LIKE 'SEED-%' ORDER BY external_id",
      )
      .all() as { id: string; code: string }[];
  } finally {
    app.close();
  }
}

describe('crash safety', () => {
  it('survives SIGKILL at random moments of imports, bulk edits, single edits, checkpoints, copies, password changes, saves back to a stick, backups and restores', async () => {
    const workbook = path.join(dir, 'crash.kartoteka');
    const seeded = await seedWorkbook(workbook);
    const campaign = new Campaign({
      seed: SEED,
      dir: path.join(dir, 'work'),
      bundle,
      workbook,
      migrationsDir: MIGRATIONS_DIR,
      seeded,
    });
    for (
      let round = 0;
      campaign.kills < MIN_KILLS || campaign.wanting(PER_KIND).length > 0;
      round++
    ) {
      const lacking = campaign.wanting(PER_KIND);
      expect(
        round,
        `CRASH_SEED=${SEED}: ${campaign.kills} kills, too few inside ${lacking.join(', ')}`,
      ).toBeLessThan(MAX_ROUNDS);
      const { problems, description } = await campaign.next(lacking);
      if (process.env['CRASH_VERBOSE']) process.stdout.write(`${description}\n`);
      expect(problems, `CRASH_SEED=${SEED} ${description}`).toEqual([]);
    }
    const landed = JSON.stringify(Object.fromEntries(campaign.landed));
    // The seed on every run, so that any failure can be run again as it was.
    process.stdout.write(
      `crash test (CRASH_SEED=${SEED}): ${campaign.kills} kills, landed in ${landed}\n`,
    );
  }, 600_000);
});
