/**
 * The browser shell's start: the day's backup of a workbook just opened waits while the
 * window's first screen calls (the screen has the machine to itself), and is still taken, whole
 * and readable, once the calls are answered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QuietGate } from '../../electron/services/quiet-start';
import { appOn, Clock, peek, type TestApp } from '../helpers/backups';
import { FakeTimer } from '../helpers/fake-timer';
import { tempDir } from '../helpers/world';

const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.app.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('a quiet start', () => {
  it('takes the daily backup once the first calls are answered, not while they come', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'shop.kartoteka');
    const clock = new Clock('2026-11-12T09:00:00');
    const first = appOn(file, dir, { now: clock.now });
    await first.call('clients.create', { name: 'Anna' });
    await first.app.ctx.guard.idle();
    first.app.close();

    // The next day: the workbook changed yesterday and has no backup of today.
    clock.set('2026-11-13T09:00:00');
    const t = appOn(file, dir, { now: clock.now, quietStartMs: 1000 });
    apps.push(t);
    // The first screen: call after call, each arriving from outside (a turn of the event loop
    // between them, as requests over the shell come) and answered at once.
    const seen = new Set<number>();
    for (let i = 0; i < 100; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      await t.call('clients.list', { limit: 100, offset: 0 });
      seen.add((await t.call('workbook.backups', undefined)).length);
    }
    expect([...seen]).toEqual([0]);

    await t.app.ctx.guard.idle();
    const backups = await t.call('workbook.backups', undefined);
    expect(backups.map((b) => b.kind)).toEqual(['daily']);
    const backup = backups[0]!.path;
    expect(peek(backup, 'PRAGMA quick_check')).toBe('ok');
    expect(peek(backup, 'SELECT name FROM clients')).toBe('Anna');
  });
});

describe('reading ahead for the first search', () => {
  it('reads the index a search sorts its hits in once the first screen is up, not before', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'shop.kartoteka');
    const t = appOn(file, dir, { quietStartMs: 50 });
    apps.push(t);
    const cacheSize = () => t.app.wb.sqlite.pragma('cache_size', { simple: true });
    // The first screen's calls (no client list among them: the list sets the cache itself).
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await t.call('workbook.backups', undefined);
      expect(cacheSize()).not.toBe(-65536);
    }
    // Quiet: the search's page cache is grown and its index read, with no call asking.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cacheSize()).toBe(-65536);
    expect(t.logged.filter((m) => m.includes('read ahead'))).toEqual([]);
  });
});

describe('the quiet gate', () => {
  it('runs the waiting work after ten quiet times even while calls keep coming', async () => {
    const timer = new FakeTimer('2026-11-12T09:00:00Z');
    const gate = new QuietGate(100, timer);
    const done: string[] = [];
    gate.later(() => done.push('backup'));
    // A call every 50 ms, for longer than the cap (1 s): never 100 ms of quiet.
    for (let i = 0; i < 30; i++) {
      await gate.during(() => Promise.resolve());
      timer.advance(50);
    }
    expect(done).toEqual(['backup']);
  });

  it('runs the work once the calls stop for the quiet time', async () => {
    const timer = new FakeTimer('2026-11-12T09:00:00Z');
    const gate = new QuietGate(100, timer);
    const done: string[] = [];
    gate.later(() => done.push('check'));
    await gate.during(() => {
      timer.advance(500);
      return Promise.resolve();
    });
    expect(done).toEqual([]);
    timer.advance(99);
    expect(done).toEqual([]);
    timer.advance(1);
    expect(done).toEqual(['check']);
  });
});
