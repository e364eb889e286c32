/**
 * However the desktop app ends (Quit in the menu, the last window closed, Cmd+Q, the system
 * shutting down, SIGINT or SIGTERM), the workbook is closed once, and the one file then holds
 * every change: a copy of it alone, taken after the program ended, is complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createShutdown } from '../../electron/desktop/shutdown';
import { makeClient, makeWorld, tempDir, type World } from '../helpers/world';

let world: World | null = null;
const dirs: string[] = [];
afterEach(() => {
  world?.dispose();
  world = null;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The clients' names in a copy of the workbook file alone (no -wal beside it). */
function namesInCopyOf(file: string): string[] {
  const dir = tempDir('kartoteka-copy-');
  dirs.push(dir);
  const copy = path.join(dir, 'copy.kartoteka');
  fs.copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    // A fresh workbook's very tables may still be in the -wal file.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'clients'").get()) return [];
    return (db.prepare('SELECT name FROM clients ORDER BY name').all() as { name: string }[]).map(
      (r) => r.name,
    );
  } finally {
    db.close();
  }
}

function recorder(close: () => void | Promise<void>) {
  const seen = { closes: 0, quits: 0, errors: [] as unknown[] };
  const shutdown = createShutdown({
    close: () => {
      seen.closes += 1;
      return close();
    },
    quit: () => {
      seen.quits += 1;
    },
    onError: (error) => seen.errors.push(error),
  });
  return { shutdown, seen };
}

describe('quitting the desktop app', () => {
  it('closes the workbook before quitting: a copy of the file alone has the last change', async () => {
    world = makeWorld();
    const file = world.file;
    await world.call('clients.create', makeClient({ name: 'Последняя Запись' }));
    // While the program runs the change may still be in the -wal file beside the workbook.
    expect(fs.existsSync(`${world.file}-wal`)).toBe(true);
    expect(namesInCopyOf(world.file)).not.toContain('Последняя Запись');
    const app = world.app;
    const { shutdown, seen } = recorder(() => app.close());
    expect(shutdown.beforeQuit()).toBe('proceed');
    expect(seen.closes).toBe(1);
    expect(namesInCopyOf(world.file)).toContain('Последняя Запись');
    expect(fs.existsSync(`${world.file}-wal`)).toBe(false);
    world = null; // closed already
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('closes once, whichever ways the program is told to end', () => {
    const { shutdown, seen } = recorder(() => undefined);
    // SIGINT: close and ask to quit; quitting emits before-quit again; then SIGTERM, the window.
    shutdown.now();
    expect(seen).toMatchObject({ closes: 1, quits: 1 });
    expect(shutdown.beforeQuit()).toBe('proceed');
    shutdown.now();
    expect(shutdown.beforeQuit()).toBe('proceed');
    expect(seen.closes).toBe(1);
    expect(shutdown.closed()).toBe(true);
  });

  it('a close that takes time holds the quit back until it is done, then quits', async () => {
    let finish: () => void = () => undefined;
    const { shutdown, seen } = recorder(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(shutdown.beforeQuit()).toBe('wait');
    // Cmd+Q pressed again while closing: still waiting, still one close.
    expect(shutdown.beforeQuit()).toBe('wait');
    shutdown.now();
    expect(seen).toMatchObject({ closes: 1, quits: 0 });
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toMatchObject({ closes: 1, quits: 1 });
    expect(shutdown.beforeQuit()).toBe('proceed');
  });

  it('a close that fails is logged and the program still quits', async () => {
    const broken = recorder(() => {
      throw new Error('disk gone');
    });
    expect(broken.shutdown.beforeQuit()).toBe('proceed');
    expect(broken.seen.errors).toHaveLength(1);
    const rejected = recorder(() => Promise.reject(new Error('stick pulled out')));
    expect(rejected.shutdown.beforeQuit()).toBe('wait');
    await new Promise((resolve) => setImmediate(resolve));
    expect(rejected.seen).toMatchObject({ closes: 1, quits: 1 });
    expect(rejected.seen.errors).toHaveLength(1);
  });
});
