/**
 * The workbook as a file, on the bench's workbook: a backup by hand (SQLite's online backup into
 * the backups folder), the integrity check an opening runs (`PRAGMA quick_check`), and portable
 * mode's save back to a "stick" (a temporary file, fsync, the old version kept as .bak, rename).
 * Each beside a floor of the same bytes moved without SQLite: a file copy (with fsync for the
 * save back) and a plain read of the whole file.
 * `npm run bench -- --clients 100000 --only files`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../../electron/app';
import { checkFile } from '../../electron/services/workbook/integrity';
import { copyDurably, timeAsync, timeSync, type Figure } from '../measure';
import { callApp, type Measurement } from './types';

/** Every byte of the file read once, in 1 MiB pieces: the least a check of every page costs. */
function readAll(file: string): void {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  try {
    while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

export const workbookFiles: Measurement = {
  name: 'files',
  async run(bench) {
    const dir = fs.mkdtempSync(path.join(path.dirname(bench.file), 'kartoteka-bench-files-'));
    const stick = path.join(dir, 'stick');
    fs.mkdirSync(stick);
    try {
      // Folded into one file first, so the floor copies what the backup copies.
      bench.app.wb.checkpoint();
      const size = `${Math.round(fs.statSync(bench.file).size / 2 ** 20)} MB`;
      const [, copyMs] = timeSync(() => fs.copyFileSync(bench.file, path.join(dir, 'floor')));
      const [made, backupMs] = await timeAsync(() => bench.call('workbook.backup', undefined));
      bench.log(`backup written (${made.path}); checking it`);
      const [, readMs] = timeSync(() => readAll(made.path));
      const [verdict, checkMs] = timeSync(() => checkFile({ file: made.path }));
      if (verdict !== 'ok') throw new Error(`the bench's backup checks as ${verdict}`);

      const onStick = path.join(stick, 'bench.kartoteka');
      fs.copyFileSync(made.path, onStick);
      const [, durableMs] = timeSync(() => copyDurably(onStick, path.join(dir, 'floor-durable')));
      const portable = createApp({
        workbookPath: onStick,
        migrationsDir: bench.migrationsDir,
        dataDir: path.join(dir, 'data'),
        shell: 'web',
        version: 'bench',
        systemLocale: 'en',
        portableRoots: [stick],
        dailyBackups: false,
        logger: { info: () => undefined, error: (m) => bench.log(m) },
      });
      try {
        await callApp(portable, 'clients.create', { name: 'Bench, saved back' });
        const [, saveMs] = await timeAsync(() => callApp(portable, 'workbook.save', {}));
        return [
          { name: `backup by hand (${size})`, ms: backupMs, floorMs: copyMs },
          { name: 'integrity check (quick_check)', ms: checkMs, floorMs: readMs },
          { name: 'portable save back to the stick', ms: saveMs, floorMs: durableMs },
        ] satisfies Figure[];
      } finally {
        portable.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
