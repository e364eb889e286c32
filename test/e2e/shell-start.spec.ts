/**
 * The built browser shell cleans up after a killed one: started with a temp folder holding the
 * upload folder of a shell that is gone (client data in it), it removes that folder, keeps the
 * one of a shell still running, and removes its own when it stops.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

test('a starting shell removes the upload folders of killed shells', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-tmp-'));
  try {
    const killed = path.join(tmp, `kartoteka-uploads-${await deadPid()}-Qw3rTy`);
    const live = path.join(tmp, `kartoteka-uploads-${process.pid}-As5dFg`);
    for (const dir of [killed, live]) {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, '0123456789abcdef-клиенты.csv'), 'ФИО\nИванова Мария\n');
    }
    const shell = spawn(
      process.execPath,
      [
        'dist/main/web.cjs',
        '--workbook',
        path.join(tmp, 'w.kartoteka'),
        '--port',
        '0',
        '--data-dir',
        path.join(tmp, 'data'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: tmp, TMP: tmp } },
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('listening on')) resolve();
      };
      shell.stdout.on('data', onData);
      shell.stderr.on('data', onData);
      shell.once('exit', (code) => reject(new Error(`shell exited with ${code}: ${output}`)));
    });
    const own = () =>
      fs.readdirSync(tmp).filter((n) => n.startsWith(`kartoteka-uploads-${shell.pid}-`));
    expect(fs.existsSync(killed)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    expect(own()).toHaveLength(1);

    const exited = new Promise((resolve) =>
      shell.once('exit', (code, signal) => resolve({ code, signal })),
    );
    shell.kill('SIGTERM');
    // Stopped by its own handler (which removes the folder), not by the signal's default action.
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(own()).toEqual([]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
