/**
 * The crash test's processes: the child bundled from the real sources with esbuild (the way
 * scripts/build-main.mjs bundles the main process, better-sqlite3 left external), started
 * under plain Node and killed with SIGKILL at a chosen moment.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildPlan } from './child';
import { bundleForNode } from '../helpers/bundle';

const ROOT = path.resolve(__dirname, '../..');

export interface Bundle {
  child: string;
  importWorker: string;
  bulkWorker: string;
}

/** Bundles the child and the import and bulk workers into `outDir` (about a second). */
export async function bundleChild(outDir: string): Promise<Bundle> {
  await bundleForNode(
    {
      child: 'test/crash/child.ts',
      'import-worker': 'electron/services/import/worker.ts',
      'bulk-worker': 'electron/services/bulk/worker.ts',
    },
    outDir,
  );
  return {
    child: path.join(outDir, 'child.cjs'),
    importWorker: path.join(outDir, 'import-worker.cjs'),
    bulkWorker: path.join(outDir, 'bulk-worker.cjs'),
  };
}

/** When to kill: this long after the child says it starts operation `index` (-1: opening). */
export interface KillAt {
  index: number;
  delayMs: number;
}

export interface ChildRun {
  /** False when the child finished every operation before the kill was due. */
  killed: boolean;
  /** Operations the child said it started, and those it finished, with how long they took. */
  started: Set<number>;
  durations: Map<number, number>;
}

/**
 * Runs the child on `plan` and kills it at `killAt`. A child that fails on its own (an error,
 * not a kill) rejects with its stderr: the harness never mistakes a bug for a crash.
 */
export function runChild(bundle: Bundle, planFile: string, killAt: KillAt): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle.child, planFile], {
      cwd: ROOT,
      // The bundle lives in a temp folder: let it find the native driver in the project.
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ChildRun = { killed: false, started: new Set(), durations: new Map() };
    let stderr = '';
    let pending = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [word, index, ms] = line.split(' ');
        if (word === 'start') {
          run.started.add(Number(index));
          if (Number(index) === killAt.index) {
            timer = setTimeout(() => child.kill('SIGKILL'), killAt.delayMs);
          }
        }
        if (word === 'done') run.durations.set(Number(index), Number(ms));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ ...run, killed: true });
      else if (code === 0) resolve({ ...run, killed: false });
      else reject(new Error(`crash child exited with ${code ?? signal}:\n${stderr}`));
    });
  });
}

/** The operations the child logged as committed (the log is fsynced after each one). */
export function committed(log: string): Set<number> {
  if (!fs.existsSync(log)) return new Set();
  const lines = fs.readFileSync(log, 'utf8').split('\n');
  return new Set(lines.filter((l) => l.startsWith('done ')).map((l) => Number(l.slice(5))));
}

export function writePlan(file: string, plan: ChildPlan): void {
  fs.writeFileSync(file, JSON.stringify(plan));
}
