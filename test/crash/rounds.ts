/**
 * Plans the crash test's rounds: for each, the operations the child runs and the moment it is
 * killed, aimed by a seeded random source at one kind of operation (or at the opening) and at a
 * random point of how long that kind took so far.
 */
import type { Rng } from '../../db/demo/prng';
import type { KillAt } from './process';
import { bind, type CrashKind, type CrashOp } from './ops';

export type Target = CrashKind | 'open';
export const TARGETS: readonly Target[] = [
  'open',
  'importClients',
  'importSales',
  'bulkTag',
  'editClient',
  'addComment',
  'addSale',
  'checkpoint',
  'saveCopy',
  'portableSaveBack',
  'password',
  'backup',
  'restore',
];
const SINGLE_EDITS = ['editClient', 'addComment', 'addSale'] as const satisfies CrashKind[];

export interface RoundPlan {
  ops: CrashOp[];
  holdCheckpoints: boolean;
  killAt: KillAt;
}

/** How long each kind took when it was not killed: the median of what the child reported. */
export class Timings {
  private readonly seen = new Map<Target, number[]>();

  record(target: Target, ms: number): void {
    const list = this.seen.get(target) ?? [];
    list.push(ms);
    this.seen.set(target, list.slice(-15));
  }

  estimate(target: Target): number {
    const list = [...(this.seen.get(target) ?? [])].sort((a, b) => a - b);
    return Math.max(1, list[Math.floor(list.length / 2)] ?? 50);
  }
}

/** Every kind once, nothing killed: the first durations, and a check that each op works. */
export function calibrationRound(prepare: (kind: CrashKind) => CrashOp): RoundPlan {
  const kinds: CrashKind[] = [
    'importClients',
    'importSales',
    'bulkTag',
    'checkpoint',
    'editClient',
    'addComment',
    'addSale',
    'saveCopy',
    'portableSaveBack',
    'password',
    // A backup before the restore: the restore deletes the backup it took, so the manual
    // backups of this round are the backup's own.
    'backup',
    'restore',
  ];
  return { ops: kinds.map(prepare), holdCheckpoints: true, killAt: { index: 1e9, delayMs: 0 } };
}

export function planRound(
  rng: Rng,
  target: Target,
  prepare: (kind: CrashKind) => CrashOp,
  timings: Timings,
): RoundPlan {
  const ops: CrashOp[] = [];
  const edit = () => prepare(rng.pick(SINGLE_EDITS));
  const some = (max: number) => Array.from({ length: rng.int(0, max) }, edit);
  ops.push(...some(2));
  let holdCheckpoints = rng.chance(0.3);
  let index = -1;
  if (target === 'checkpoint') {
    // A large WAL first, so that the checkpoint has pages to copy while it is killed.
    ops.push(prepare('bulkTag'));
    holdCheckpoints = true;
    index = ops.push(prepare('checkpoint')) - 1;
  } else if (target === 'editClient' || target === 'addComment' || target === 'addSale') {
    const stream = Array.from({ length: rng.int(10, 25) }, edit);
    const at = rng.int(0, stream.length - 1);
    stream[at] = prepare(target);
    index = ops.length + at;
    ops.push(...stream);
  } else if (target !== 'open') {
    index = ops.push(prepare(target)) - 1;
  }
  ops.push(...some(3));
  // Mostly inside the target; sometimes later, in whatever runs next (or in the close).
  const fraction = rng.chance(0.85) ? rng.next() : 1 + rng.next() * 2;
  const delayMs = Math.round(fraction * timings.estimate(target));
  return { ops, holdCheckpoints, killAt: { index, delayMs } };
}

/** The kind the kill landed in: the opening, an operation, or between / after them. */
export function landedIn(
  ops: CrashOp[],
  run: { started: Set<number>; opened: boolean; done: Set<number> },
  workbook: string,
): Target | 'between' {
  if (!run.opened) return 'open';
  const first = ops.findIndex((_, i) => !run.done.has(i));
  const op = ops[first];
  return op && run.started.has(first) && bind(op).unfinished(workbook) ? op.kind : 'between';
}
