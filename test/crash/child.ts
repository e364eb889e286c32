/**
 * The crash test's child process (bundled with esbuild at test start, run under plain Node):
 * opens the workbook through the real `createApp` and runs the planned operations through the
 * real dispatch until the parent kills it. Before each operation (after its setup, if it has
 * one) it says `start <i>` on stdout;
 * after each one it appends `done <i>` to the log and fsyncs it, so that the parent knows which
 * operations were committed, then says `done <i> <ms>` on stdout (for the parent's timing).
 */
import fs from 'node:fs';
import { createApp } from '../../electron/app';
import type { Logger } from '../../electron/api/logger';
import { bind, type CrashOp } from './ops';

export interface ChildPlan {
  workbook: string;
  migrationsDir: string;
  importWorker: string;
  /**
   * The round's data folder (the recent list, the backups, portable mode's working copies),
   * never the user's own.
   */
  dataDir: string;
  /** The log of committed operations. */
  log: string;
  /**
   * No automatic checkpoints on this connection: the WAL grows until an explicit checkpoint,
   * as it does while a reader holds an old snapshot; so a checkpoint has work to be killed in.
   */
  holdCheckpoints: boolean;
  ops: CrashOp[];
}

function say(line: string): void {
  fs.writeSync(1, `${line}\n`);
}

const logger: Logger = {
  info: () => undefined,
  error: (message, error) =>
    fs.writeSync(2, `${message}: ${error instanceof Error ? error.stack : String(error)}\n`),
};

async function main(): Promise<void> {
  const plan = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as ChildPlan;
  const log = fs.openSync(plan.log, 'a');
  let started = performance.now();
  say('start -1');
  const app = createApp({
    workbookPath: plan.workbook,
    migrationsDir: plan.migrationsDir,
    importWorker: plan.importWorker,
    dataDir: plan.dataDir,
    shell: 'web',
    version: 'crash-test',
    systemLocale: 'ru',
    logger,
  });
  if (plan.holdCheckpoints) app.wb.sqlite.pragma('wal_autocheckpoint = 0');
  // The daily backup the opening starts is part of it: a kill aimed at the opening may land in
  // it, and an operation that must wait for it (a password change) does not race it.
  await app.ctx.guard.idle();
  say(`done -1 ${Math.round(performance.now() - started)}`);
  for (const [i, op] of plan.ops.entries()) {
    const bound = bind(op);
    await bound.setup(app);
    started = performance.now();
    say(`start ${i}`);
    await bound.run(app);
    fs.writeSync(log, `done ${i}\n`);
    fs.fsyncSync(log);
    say(`done ${i} ${Math.round(performance.now() - started)}`);
  }
  app.close();
  say('finished');
}

main().catch((error: unknown) => {
  logger.error('crash child failed', error);
  process.exit(1);
});
