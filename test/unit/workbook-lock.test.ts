/**
 * One writer: the lock file beside a workbook. A second opener learns who holds it; a lock left
 * by a crashed process (gone from this machine, or silent for minutes on another machine) is
 * taken over; of many processes taking over the same stale lock at once, exactly one wins.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acquireLock,
  type HeldLock,
  liveHolder,
  lockFileOf,
  STALE_AFTER_MS,
  systemLockEnv,
  type LockAttempt,
  type LockEnv,
} from '../../electron/services/workbook/lock';
import { tempDir } from '../helpers/world';

const dirs: string[] = [];
const held: HeldLock[] = [];
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function workbookPath() {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'Клиенты.kartoteka');
}

const NOW = new Date('2026-11-12T11:00:00Z');

/** A process on some machine; `running` lists the pids alive there. */
function env(over: Partial<LockEnv> & { running?: number[] } = {}): LockEnv {
  const running = new Set(over.running ?? [100, 200]);
  return {
    machine: 'OFFICE-PC',
    user: 'anna',
    pid: 100,
    now: () => NOW,
    alive: (pid) => running.has(pid),
    bootedAt: () => Date.parse('2026-11-01T08:00:00Z'),
    ...over,
  };
}

function take(attempt: LockAttempt): HeldLock {
  if (!('lock' in attempt)) throw new Error(`held by ${JSON.stringify(attempt.holder)}`);
  held.push(attempt.lock);
  return attempt.lock;
}

function writeLock(workbook: string, content: object, mtime: Date = NOW) {
  fs.writeFileSync(
    lockFileOf(workbook),
    JSON.stringify({ app: 'kartoteka', id: 'x1', ...content }),
  );
  fs.utimesSync(lockFileOf(workbook), mtime, mtime);
}

describe('the lock file', () => {
  it('names the machine, the user, the process and since when', () => {
    const workbook = workbookPath();
    take(acquireLock(workbook, env()));
    expect(JSON.parse(fs.readFileSync(lockFileOf(workbook), 'utf8'))).toMatchObject({
      machine: 'OFFICE-PC',
      user: 'anna',
      pid: 100,
      since: NOW.toISOString(),
    });
  });

  it('a second opener is told who holds it, and gets it once the holder releases it', () => {
    const workbook = workbookPath();
    const first = take(acquireLock(workbook, env()));
    const second = acquireLock(workbook, env({ user: 'boris', pid: 200 }));
    expect(second).toEqual({
      holder: { machine: 'OFFICE-PC', user: 'anna', since: NOW.toISOString() },
    });
    expect(liveHolder(workbook, env({ pid: 200 }))).toMatchObject({ user: 'anna' });
    first.release();
    expect(fs.existsSync(lockFileOf(workbook))).toBe(false);
    take(acquireLock(workbook, env({ user: 'boris', pid: 200 })));
    expect(liveHolder(workbook, env())).toMatchObject({ user: 'boris' });
  });

  it('two sessions of one process are two holders (each lock has its own id)', () => {
    const workbook = workbookPath();
    take(acquireLock(workbook, env()));
    expect(acquireLock(workbook, env())).toHaveProperty('holder');
  });

  it('a lock whose process is gone from this machine is taken over', () => {
    const workbook = workbookPath();
    writeLock(workbook, { machine: 'OFFICE-PC', user: 'anna', pid: 999, since: NOW.toISOString() });
    expect(liveHolder(workbook, env())).toBeNull();
    const lock = take(acquireLock(workbook, env({ user: 'boris', pid: 200 })));
    expect(lock.content.user).toBe('boris');
    expect(lock.held()).toBe(true);
  });

  it('a lock from before this machine started is taken over, though its number runs again', () => {
    const workbook = workbookPath();
    writeLock(workbook, {
      machine: 'OFFICE-PC',
      user: 'anna',
      pid: 200,
      since: '2026-10-30T09:00:00Z',
    });
    take(acquireLock(workbook, env({ pid: 100 })));
  });

  it('a lock of another machine holds while its heartbeat is fresh, and is taken over when it stops', () => {
    const workbook = workbookPath();
    const since = '2026-11-12T09:00:00.000Z';
    writeLock(
      workbook,
      { machine: 'LAPTOP', user: 'vera', pid: 4242, since },
      new Date(NOW.getTime() - 60_000),
    );
    expect(acquireLock(workbook, env())).toEqual({
      holder: { machine: 'LAPTOP', user: 'vera', since },
    });
    const old = new Date(NOW.getTime() - STALE_AFTER_MS - 1000);
    fs.utimesSync(lockFileOf(workbook), old, old);
    take(acquireLock(workbook, env()));
  });

  it('the heartbeat keeps the lock fresh, and notices when another took it', () => {
    const workbook = workbookPath();
    let now = NOW;
    const lock = take(acquireLock(workbook, env({ now: () => now })));
    now = new Date(NOW.getTime() + 90_000);
    expect(lock.beat()).toBe(true);
    expect(fs.statSync(lockFileOf(workbook)).mtimeMs).toBe(now.getTime());
    writeLock(workbook, { machine: 'LAPTOP', user: 'vera', pid: 1, since: now.toISOString() });
    expect(lock.beat()).toBe(false);
    lock.release();
    // Not ours any more: release leaves the other machine's lock alone.
    expect(liveHolder(workbook, env({ now: () => now }))).toMatchObject({ user: 'vera' });
  });

  it('a half-written lock counts as held for a few seconds, then as a crash leftover', () => {
    const workbook = workbookPath();
    fs.writeFileSync(lockFileOf(workbook), '{"app":"kart');
    fs.utimesSync(lockFileOf(workbook), NOW, NOW);
    expect(acquireLock(workbook, env())).toHaveProperty('holder');
    const later = env({ now: () => new Date(NOW.getTime() + 60_000) });
    take(acquireLock(workbook, later));
  });
});

/**
 * A script that, round after round, takes the lock when the round's start file appears and
 * reports whether it won. It never releases: between rounds the test plants a stale lock again.
 */
async function bundleTaker(dir: string): Promise<string> {
  const entry = path.join(dir, 'taker.ts');
  const lockModule = JSON.stringify(path.resolve('electron/services/workbook/lock.ts'));
  fs.writeFileSync(
    entry,
    `import fs from 'node:fs';
import { acquireLock, systemLockEnv } from ${lockModule};
const [workbook, start] = process.argv.slice(2) as [string, string];
const nap = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
for (let round = 0; ; round += 1) {
  while (!fs.existsSync(start + round)) {
    if (fs.existsSync(start + 'stop')) process.exit(0);
    nap();
  }
  const attempt = acquireLock(workbook, systemLockEnv());
  process.stdout.write(round + ('lock' in attempt ? ' won' : ' held') + '\\n');
}
`,
  );
  const out = path.join(dir, 'taker.cjs');
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  return out;
}

const deadPid = () =>
  new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.once('exit', () => resolve(child.pid ?? 0));
  });

describe('taking over a stale lock', () => {
  it('of eight processes racing for one stale lock, exactly one wins, round after round', async () => {
    const workbook = workbookPath();
    const dir = path.dirname(workbook);
    const script = await bundleTaker(dir);
    const dead = await deadPid();
    const user = systemLockEnv().user;
    const start = path.join(dir, 'start-');
    const children = Array.from({ length: 8 }, () =>
      spawn(process.execPath, [script, workbook, start], { stdio: ['ignore', 'pipe', 'inherit'] }),
    );
    const lines: string[] = [];
    const waiters: (() => void)[] = [];
    for (const child of children) {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const done = out.split('\n');
        out = done.pop() ?? '';
        lines.push(...done);
        waiters.splice(0).forEach((wake) => wake());
      });
    }
    const reported = (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (lines.length >= count ? resolve() : waiters.push(check));
        check();
      });
    const exited = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    const rounds = 12;
    for (let round = 0; round < rounds; round += 1) {
      // A lock left by a crash: its process is gone from this machine.
      fs.rmSync(lockFileOf(workbook), { force: true });
      const since = new Date().toISOString();
      writeLock(workbook, { machine: os.hostname(), user, pid: dead, since }, new Date());
      fs.writeFileSync(start + round, '');
      await reported(8 * (round + 1));
    }
    fs.writeFileSync(start + 'stop', '');
    await Promise.all(exited);
    for (let round = 0; round < rounds; round += 1) {
      const results = lines.filter((l) => l.startsWith(`${round} `)).map((l) => l.split(' ')[1]);
      expect(
        results.filter((r) => r === 'won'),
        `round ${round}`,
      ).toHaveLength(1);
      expect(
        results.filter((r) => r === 'held'),
        `round ${round}`,
      ).toHaveLength(7);
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes('.lock.'))).toEqual([]);
  }, 60_000);
});
