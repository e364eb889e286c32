/**
 * Writes the fixture workbooks of test/fixtures/workbooks: one per released schema version,
 * as the program of that version left it (see test/helpers/fixture-schema.ts), with the same
 * content (test/helpers/fixture-content.ts). Run by `node scripts/make-fixture-workbook.mjs
 * <migration tag>…`, e.g. `0007_…` when a release adds migration 0007; the files already there
 * are records of released versions and stay as they are.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../electron/app';
import { fillWorkbook, fixtureIds } from '../test/helpers/fixture-content';
import { journalTags, writeAtSchema } from '../test/helpers/fixture-schema';

const root = process.cwd();
const migrationsDir = path.join(root, 'db', 'migrations');
const outDir = path.join(root, 'test', 'fixtures', 'workbooks');

async function main(): Promise<void> {
  const tags = process.argv.slice(2);
  const known = journalTags(migrationsDir);
  const unknown = tags.filter((t) => !known.includes(t));
  if (tags.length === 0 || unknown.length > 0) {
    throw new Error(`name migration tags of db/migrations: ${known.join(', ')}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-fixture-'));
  try {
    const source = path.join(dir, 'source.kartoteka');
    let t = Date.parse('2025-03-03T09:00:00.000Z');
    const app = createApp({
      workbookPath: source,
      migrationsDir,
      shell: 'web',
      version: 'fixture',
      systemLocale: 'ru',
      now: () => new Date((t += 60_000)),
      newId: fixtureIds(),
    });
    try {
      await fillWorkbook(app, dir);
    } finally {
      app.close();
    }
    fs.mkdirSync(outDir, { recursive: true });
    for (const tag of tags) {
      const target = path.join(outDir, `${tag}.kartoteka`);
      writeAtSchema(source, target, tag, migrationsDir);
      process.stdout.write(`${path.relative(root, target)}: ${fs.statSync(target).size} bytes\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
