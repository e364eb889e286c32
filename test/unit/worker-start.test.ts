/**
 * A worker that fails before it says anything never started: a call made before or after its
 * failure is told so (`WorkerStartError`), so the caller falls back to its own thread. The bulk
 * runner may call a worker only once the one before has folded its WAL back, by which time a
 * worker that could not start has already failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WorkerClient, WorkerStartError } from '../../electron/services/workers/rpc';

let dir: string;
let broken: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-worker-start-'));
  broken = path.join(dir, 'broken.cjs');
  fs.writeFileSync(broken, "throw new Error('no workbook here');\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const start = () =>
  new WorkerClient<string>(broken, { name: 'test', workerData: null, youngGenerationMb: 16 });

it('a call made before a worker fails to start is told it never started', async () => {
  const worker = start();
  await expect(worker.call('job')).rejects.toBeInstanceOf(WorkerStartError);
});

it('a call made after a worker failed to start is told it never started, too', async () => {
  const worker = start();
  await worker.exited;
  expect(worker.alive).toBe(false);
  const error: unknown = await worker.call('job').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkerStartError);
  expect(String((error as WorkerStartError).cause)).toContain('no workbook here');
});

it('a call made after a worker was stopped is not taken for a failed start', async () => {
  const worker = start();
  worker.terminate();
  const error: unknown = await worker.call('job').catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(WorkerStartError);
});
