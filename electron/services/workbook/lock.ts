/**
 * One writer per workbook: a lock file beside it (`<workbook>.lock`) names the machine, the
 * user, the process and since when. It is made with an exclusive create, so of two openers
 * exactly one gets it. A lock whose process is gone from this machine, or whose heartbeat (the
 * file's modification time, touched every half minute) is old when it names another machine
 * on a network share, is taken over; every removal of a lock happens under a second exclusive
 * file (`<workbook>.lock.takeover`) and only after reading it again, so two takers cannot both
 * remove one and each believe they hold the workbook.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import type { LockHolder } from '../../api/contract';

/** How often the holder touches its lock file. */
export const HEARTBEAT_MS = 30_000;
/** A lock of another machine untouched this long is left from a crash (or a pulled cable). */
export const STALE_AFTER_MS = 5 * 60_000;
/** A takeover file, or a lock file too broken to read, older than this was left by a crash. */
const ABANDONED_AFTER_MS = 10_000;

const lockContent = z.object({
  app: z.literal('kartoteka'),
  id: z.string(),
  machine: z.string(),
  user: z.string(),
  pid: z.number().int(),
  since: z.string(),
});
export type LockContent = z.infer<typeof lockContent>;

/** The machine this process runs on; tests inject another. */
export interface LockEnv {
  machine: string;
  user: string;
  pid: number;
  now(): Date;
  /** Whether a process of this machine is still running. */
  alive(pid: number): boolean;
  /** When this machine started (ms): a lock older than that names a process of a previous boot. */
  bootedAt(): number;
}

export function systemLockEnv(): LockEnv {
  let user = 'user';
  try {
    user = os.userInfo().username;
  } catch {
    // No user name (a container without a passwd entry): "user" still says something.
  }
  return {
    machine: os.hostname(),
    user,
    pid: process.pid,
    now: () => new Date(),
    alive: processAlive,
    bootedAt: () => Date.now() - os.uptime() * 1000,
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const lockFileOf = (workbook: string) => `${workbook}.lock`;

export type LockAttempt = { lock: HeldLock } | { holder: LockHolder };

interface Found {
  raw: string;
  content: LockContent | null;
  mtimeMs: number;
}

/**
 * Takes the lock of `workbook` for this process, or says who holds it. Throws the file system's
 * error when no file can be made beside the workbook (a read-only folder or medium).
 */
export function acquireLock(workbook: string, env: LockEnv): LockAttempt {
  const file = lockFileOf(workbook);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const content: LockContent = {
      app: 'kartoteka',
      id: crypto.randomBytes(12).toString('hex'),
      machine: env.machine,
      user: env.user,
      pid: env.pid,
      since: env.now().toISOString(),
    };
    if (createExclusive(file, content)) return { lock: new HeldLock(workbook, content, env) };
    const found = readLock(file);
    if (!found) continue; // released meanwhile: try again
    if (isLive(found, env)) return { holder: holderOf(found) };
    removeIfUnchanged(file, found, env);
  }
  const found = readLock(file);
  if (found) return { holder: holderOf(found) };
  throw new Error(`Could not take the lock ${file}`);
}

/** Who holds `workbook` now, or null when nobody does (no lock, or one left by a crash). */
export function liveHolder(workbook: string, env: LockEnv): LockHolder | null {
  const found = readLock(lockFileOf(workbook));
  return found && isLive(found, env) ? holderOf(found) : null;
}

export class HeldLock {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly workbook: string,
    readonly content: LockContent,
    private readonly env: LockEnv,
  ) {}

  get file(): string {
    return lockFileOf(this.workbook);
  }

  /** Still ours: the lock file there is the one this process made. */
  held(): boolean {
    return readLock(this.file)?.content?.id === this.content.id;
  }

  /**
   * Touches the lock file now and every `HEARTBEAT_MS`; calls `lost` if it was taken away (by
   * another machine that thought this one gone). The timer never keeps the process alive.
   */
  startHeartbeat(lost: () => void): void {
    this.stopHeartbeat();
    this.timer = setInterval(() => {
      if (!this.beat()) {
        this.stopHeartbeat();
        lost();
      }
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  /** One heartbeat; false when the lock is no longer ours. */
  beat(): boolean {
    if (!this.held()) return false;
    const now = this.env.now();
    try {
      fs.utimesSync(this.file, now, now);
    } catch {
      // The share is away for a moment; the next beat tries again.
    }
    return true;
  }

  stopHeartbeat(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Removes the lock file if it is still ours. */
  release(): void {
    this.stopHeartbeat();
    if (this.held()) fs.rmSync(this.file, { force: true });
  }
}

/**
 * Writes the lock under a temporary name and links it into place: the link fails if a lock is
 * there, and a reader never sees a half-written one. Where the disk has no hard links (FAT,
 * some shares) an exclusive create is the fallback. False when a lock is there already.
 */
function createExclusive(file: string, content: LockContent): boolean {
  const text = JSON.stringify(content);
  const temp = `${file}.${content.id}.tmp`;
  fs.writeFileSync(temp, text, { flag: 'wx' });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readLock(file: string): Found | null {
  try {
    const raw = fs.readFileSync(file, 'utf8');
    const mtimeMs = fs.statSync(file).mtimeMs;
    let content: LockContent | null = null;
    try {
      const parsed = lockContent.safeParse(JSON.parse(raw));
      if (parsed.success) content = parsed.data;
    } catch {
      // Unreadable: judged by its age below.
    }
    return { raw, content, mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isLive(found: Found, env: LockEnv): boolean {
  const age = env.now().getTime() - found.mtimeMs;
  const { content } = found;
  // Being written by a fallback exclusive create right now, or a crash's leftover.
  if (!content) return age < ABANDONED_AFTER_MS;
  if (content.machine !== env.machine) return age <= STALE_AFTER_MS;
  if (!env.alive(content.pid)) return false;
  // The same number may belong to another process after a restart.
  return Date.parse(content.since) >= env.bootedAt() - 60_000;
}

function holderOf(found: Found): LockHolder {
  return {
    machine: found.content?.machine ?? '?',
    user: found.content?.user ?? '?',
    since: found.content?.since ?? new Date(found.mtimeMs).toISOString(),
  };
}

/**
 * Removes a lock judged stale, under the takeover file, after reading it again: if another
 * taker replaced it meanwhile, the new lock stays.
 */
function removeIfUnchanged(file: string, stale: Found, env: LockEnv): void {
  const takeover = `${file}.takeover`;
  try {
    fs.writeFileSync(takeover, `${env.machine} ${env.pid}`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    removeAbandonedTakeover(takeover, env);
    pause(20);
    return;
  }
  try {
    const again = readLock(file);
    if (again && again.raw === stale.raw && again.mtimeMs === stale.mtimeMs) {
      fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(takeover, { force: true });
  }
}

function removeAbandonedTakeover(takeover: string, env: LockEnv): void {
  try {
    const age = env.now().getTime() - fs.statSync(takeover).mtimeMs;
    if (age > ABANDONED_AFTER_MS) fs.rmSync(takeover, { force: true });
  } catch {
    // Gone already.
  }
}

/** A short synchronous wait while another opener finishes its takeover (milliseconds). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
