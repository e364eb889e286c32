/**
 * A double-clicked workbook reaches the program on its command line, among the executable,
 * the app's folder and Electron's own switches: only an existing `.kartoteka` file is taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workbookFromArgv } from '../../electron/desktop/argv';
import { tempDir } from '../helpers/world';

let dir: string;
let book: string;
beforeEach(() => {
  dir = tempDir('kartoteka-argv-');
  book = path.join(dir, 'Клиенты 2026.kartoteka');
  fs.writeFileSync(book, '');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the workbook on the command line', () => {
  it('the installed program started by a double-click (Windows: exe, then the file)', () => {
    expect(workbookFromArgv(['C:\\Kartoteka\\Kartoteka.exe', book], '/')).toBe(book);
  });

  it('skips Electron’s and Chromium’s switches, the app folder and its script', () => {
    const argv = [
      '/opt/electron/electron',
      '--allow-file-access-from-files',
      '--original-process-start-time=13345678901234567',
      '-psn_0_12345',
      '.',
      'dist/main/main.cjs',
      path.relative(dir, book),
    ];
    expect(workbookFromArgv(argv, dir)).toBe(book);
  });

  it('a relative path is read from the working directory it was given (a second launch)', () => {
    expect(workbookFromArgv(['kartoteka', 'Клиенты 2026.kartoteka'], dir)).toBe(book);
    expect(workbookFromArgv(['kartoteka', 'Клиенты 2026.kartoteka'], path.dirname(dir))).toBe(null);
  });

  it('takes a file: URL, as Linux desktop entries pass it (%U)', () => {
    const url = pathToFileURL(book).href;
    expect(url).toContain('%20');
    expect(workbookFromArgv(['/usr/bin/kartoteka', url], '/')).toBe(book);
  });

  it('refuses what is not an existing workbook file', () => {
    const csv = path.join(dir, 'clients.csv');
    fs.writeFileSync(csv, 'a;b');
    const folder = path.join(dir, 'folder.kartoteka');
    fs.mkdirSync(folder);
    const argv = [
      'kartoteka',
      csv,
      folder,
      path.join(dir, 'gone.kartoteka'),
      '--workbook=' + book,
      'file://%E0%A4%A.kartoteka',
    ];
    expect(workbookFromArgv(argv, dir)).toBe(null);
    expect(workbookFromArgv([], dir)).toBe(null);
  });

  it('the extension in any case; the first workbook when there are several', () => {
    const upper = path.join(dir, 'OLD.KARTOTEKA');
    fs.writeFileSync(upper, '');
    expect(workbookFromArgv(['k', upper, book], dir)).toBe(upper);
  });
});
