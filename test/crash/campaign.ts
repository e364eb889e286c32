/**
 * One crash test run on one workbook: rounds of plan → child → kill → verify, with the tally
 * of where the kills landed so that every kind of operation gets its share.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Rng } from '../../db/demo/prng';
import { listedBackups } from './op-backups';
import { decrypt } from './op-password';
import { bind, CRASH_OPS, type CrashKind, type CrashOp } from './ops';
import { committed, runChild, writePlan, type Bundle } from './process';
import { calibrationRound, landedIn, planRound, TARGETS, Timings, type Target } from './rounds';
import { verifyAfterKill, verifyBackups } from './verify';

export interface CampaignOptions {
  seed: number;
  /** A folder of its own for plans, logs, import files and copies. */
  dir: string;
  bundle: Bundle;
  workbook: string;
  migrationsDir: string;
  /** Clients in the workbook before the first round (never deleted). */
  seeded: { id: string; code: string }[];
}

export interface RoundOutcome {
  /** Empty when the workbook passed every check. */
  problems: string[];
  /** What the round did and where it was killed, to name in a failure. */
  description: string;
}

export class Campaign {
  readonly landed = new Map<Target | 'between', number>();
  kills = 0;
  private readonly rng: Rng;
  private readonly timings = new Timings();
  private serial = 0;
  private editClient = 0;
  private round = 0;

  constructor(private readonly o: CampaignOptions) {
    this.rng = new Rng(o.seed);
    fs.mkdirSync(o.dir, { recursive: true });
  }

  /** Targets that have had fewer than `perKind` kills land inside them. */
  wanting(perKind: number): Target[] {
    return TARGETS.filter((t) => (this.landed.get(t) ?? 0) < perKind);
  }

  private prepare = (kind: CrashKind): CrashOp => {
    this.serial += 1;
    return CRASH_OPS[kind].prepare({
      dir: this.o.dir,
      workbook: this.o.workbook,
      marker: `M${String(this.serial).padStart(5, '0')}`,
      serial: this.serial,
      seeded: this.o.seeded,
      nextClient: () => this.o.seeded[this.editClient++ % this.o.seeded.length]!.id,
      int: (min, max) => this.rng.int(min, max),
      backupsDir: path.join(this.dataDir(), 'backups'),
    });
  };

  /** The round's own data folder: its backups are checked, then removed with it. */
  private dataDir(): string {
    return path.join(this.o.dir, `data-${this.round}`);
  }

  /**
   * Plans a round (the first runs every kind once without a kill, to time them), aimed at one
   * of `prefer` more often than not; runs, kills and verifies it.
   */
  async next(prefer: Target[]): Promise<RoundOutcome> {
    const rng = this.rng;
    const target = rng.chance(0.6) && prefer.length > 0 ? rng.pick(prefer) : rng.pick(TARGETS);
    const plan =
      this.round === 0
        ? calibrationRound(this.prepare)
        : planRound(rng, target, this.prepare, this.timings);
    const dataDir = this.dataDir();
    const log = path.join(this.o.dir, `round-${this.round}.log`);
    const planFile = path.join(this.o.dir, `round-${this.round}.json`);
    this.round += 1;
    writePlan(planFile, {
      workbook: this.o.workbook,
      migrationsDir: this.o.migrationsDir,
      importWorker: this.o.bundle.importWorker,
      dataDir,
      log,
      holdCheckpoints: plan.holdCheckpoints,
      ops: plan.ops,
    });
    const run = await runChild(this.o.bundle, planFile, plan.killAt);
    const done = committed(log);
    // Before the checks: the program's open and close of the workbook checkpoints its WAL.
    const opened = run.durations.has(-1);
    const where = run.killed
      ? landedIn(plan.ops, { started: run.started, opened, done }, this.o.workbook)
      : null;
    const problems = [
      ...verifyAfterKill(this.o.workbook, plan.ops, done, this.o.migrationsDir),
      ...verifyBackups(listedBackups(path.join(dataDir, 'backups')), this.o.migrationsDir),
    ];
    if (problems.length === 0) decrypt(this.o.workbook);
    if (where) {
      this.kills += 1;
      this.landed.set(where, (this.landed.get(where) ?? 0) + 1);
    }
    for (const [i, ms] of run.durations) {
      this.timings.record(i < 0 ? 'open' : plan.ops[i]!.kind, ms);
    }
    // The round's own files, so that the temp folder stays small over a hundred rounds.
    const files = [log, planFile, ...plan.ops.flatMap((op) => bind(op).files())];
    for (const file of files) fs.rmSync(file, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
    const ops = plan.ops.map((op, i) => `${i}:${op.kind}${done.has(i) ? '✓' : ''}`).join(' ');
    const kill = `kill ${plan.killAt.delayMs} ms after #${plan.killAt.index} started`;
    return {
      problems,
      description: `round ${this.round - 1} [${ops}], ${kill}, landed in ${where ?? 'nothing (finished)'}`,
    };
  }
}
