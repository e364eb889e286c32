/**
 * A workbook whose last write was cut short while it was in rollback-journal mode (the program
 * killed as it switched a workbook at rest back to WAL on opening it) has a hot journal beside
 * it, which only a writable connection can roll back. The program still opens it, with the
 * interrupted write undone; a foreign database in that state is refused and left as it is.
 * (Found by the crash test's kills on the way back from a portable workbook.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../electron/app';
import { makeClient, MIGRATIONS_DIR, tempDir } from '../helpers/world';

const dirs: string[] = [];
const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function app(file: string, dataDir: string): App {
  const made = createApp({
    workbookPath: file,
    migrationsDir: MIGRATIONS_DIR,
    dataDir,
    shell: 'web',
    version: 'test',
    systemLocale: 'en',
    logger: { info: () => {}, error: () => {} },
  });
  apps.push(made);
  return made;
}

/** Another process writes `sql` in one rollback-mode transaction and is killed before it commits. */
function killedMidWrite(file: string, sql: string): void {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('cache_size = 1');
    db.exec('BEGIN IMMEDIATE');
    db.exec(${JSON.stringify(sql)});
    process.kill(process.pid, 'SIGKILL');`;
  const run = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
  });
  expect(run.signal).toBe('SIGKILL');
  expect(fs.statSync(`${file}-journal`).size).toBeGreaterThan(0);
}

describe('a hot journal left by a write cut short', () => {
  it('the workbook opens, with the interrupted write rolled back', async () => {
    const dir = tempDir('kartoteka-hot-');
    dirs.push(dir);
    const file = path.join(dir, 'Клиенты.kartoteka');
    const first = app(file, dir);
    for (let i = 0; i < 200; i++) {
      const created = await first.dispatch('clients.create', makeClient({ name: `Клиент ${i}` }));
      expect(created.ok).toBe(true);
    }
    first.close();
    killedMidWrite(file, "UPDATE clients SET name = 'испорчено'; UPDATE changes SET field = 'x'");

    const again = app(path.join(dir, 'other.kartoteka'), dir);
    const opened = await again.dispatch('workbook.open', { path: file });
    expect(opened.ok, JSON.stringify(opened)).toBe(true);
    const names = await again.dispatch('clients.list', { limit: 500 });
    if (!names.ok) throw new Error(names.error.message);
    const rows = (names.data as { rows: { name: string }[] }).rows;
    expect(rows).toHaveLength(200);
    expect(rows.some((r) => r.name === 'испорчено')).toBe(false);
  });

  it('a foreign database in that state is refused and left as it is', async () => {
    const dir = tempDir('kartoteka-hot-');
    dirs.push(dir);
    const file = path.join(dir, 'accounts.db');
    const db = new Database(file);
    db.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)');
    const insert = db.prepare('INSERT INTO accounts (name) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`account ${i}`.padEnd(200, '.'));
    })();
    db.close();
    killedMidWrite(file, "UPDATE accounts SET name = 'x'");
    const before = [fs.readFileSync(file), fs.readFileSync(`${file}-journal`)];

    const opened = await app(path.join(dir, 'mine.kartoteka'), dir).dispatch('workbook.open', {
      path: file,
    });
    expect(opened.ok).toBe(false);
    expect(fs.readFileSync(file).equals(before[0]!)).toBe(true);
    expect(fs.readFileSync(`${file}-journal`).equals(before[1]!)).toBe(true);
  });
});
