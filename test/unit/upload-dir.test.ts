/**
 * Upload folders of a browser shell that was killed hold client data: the next shell to start
 * removes them, and never the folder of a shell that is still running.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWNER_FILE, prepareUploadDir } from '../../electron/upload-dir';
import { tempDir } from '../helpers/world';

let tmp: string;
beforeEach(() => {
  tmp = tempDir('kartoteka-tmp-');
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The id of a process that has run and ended: a shell killed with `kill -9` looks like this. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

function leftFolder(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, '0123456789abcdef-клиенты.csv'), 'ФИО;Телефон\nИванова;+7 912\n');
  return dir;
}

describe('upload folders', () => {
  it('a starting shell removes the folders of shells that are gone, and keeps live ones', async () => {
    const killed = leftFolder(`kartoteka-uploads-${await deadPid()}-Ab12Cd`);
    const live = leftFolder(`kartoteka-uploads-${process.pid}-Zz99Yy`);
    const unrelated = leftFolder('kartoteka-test-keep');

    const mine = prepareUploadDir(tmp, process.pid);

    expect(fs.existsSync(killed)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    expect(fs.existsSync(unrelated)).toBe(true);
    expect(path.dirname(mine)).toBe(tmp);
    expect(path.basename(mine)).toMatch(new RegExp(`^kartoteka-uploads-${process.pid}-`));
    const owner = JSON.parse(fs.readFileSync(path.join(mine, OWNER_FILE), 'utf8')) as {
      pid: number;
      startedAt: string;
    };
    expect(owner.pid).toBe(process.pid);
    expect(Date.parse(owner.startedAt)).toBeLessThanOrEqual(Date.now());
    if (process.platform !== 'win32') expect(fs.statSync(mine).mode & 0o777).toBe(0o700);
  });

  it('a second shell started beside a running one leaves the running one its folder', () => {
    const first = prepareUploadDir(tmp, process.pid);
    const second = prepareUploadDir(tmp, process.pid);
    expect(first).not.toBe(second);
    expect(fs.existsSync(first)).toBe(true);
    expect(fs.existsSync(second)).toBe(true);
  });
});
