/**
 * Files that cannot be imported: each gets a clear message naming the file as the problem, and
 * nothing is written. Then a fuzz run over generated broken files, and a cancel half-way.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../electron/api/contract';
import { ImportCancelled } from '../../electron/services/import/plan';
import { runImport } from '../../electron/services/import/run';
import { createApp } from '../../electron/app';
import { makeWorld, MIGRATIONS_DIR, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'en' });
});
afterEach(() => world.dispose());

/** Writes a file and hands it to the import, as an upload to the browser shell does. */
function write(name: string, content: Buffer | string): string {
  const file = path.join(world.dir, name);
  fs.writeFileSync(file, content);
  world.app.ctx.importer.allowFile(file);
  return file;
}

const TABLES = ['clients', 'sales', 'changes', 'batches', 'managers', 'field_values'];
const snapshot = () => TABLES.map((t) => world.count(t));

async function refusal(file: string, target: 'clients' | 'sales' = 'clients') {
  const before = snapshot();
  const preview = await world.send('import.preview', { path: file, target });
  const runEnvelope = await world.send('import.run', {
    path: file,
    target,
    mapping: {},
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
  expect(snapshot()).toEqual(before);
  expect(preview.ok).toBe(false);
  expect(runEnvelope.ok).toBe(false);
  if (preview.ok) throw new Error('unreachable');
  expect(preview.error).toMatchObject({ code: 'invalid_input', field: 'path' });
  return preview.error.message;
}

async function xlsxBytes(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(['Name', 'Phone']);
  for (let i = 0; i < 200; i += 1)
    sheet.addRow([`Client ${i}`, `+7 900 000-${String(i).padStart(4, '0')}`]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('broken files', () => {
  it('an empty file, or one with only blank lines', async () => {
    expect(await refusal(write('empty.csv', ''))).toBe(
      'The file is empty: there is nothing to import.',
    );
    expect(await refusal(write('blank.csv', '\r\n\r\n  \n'))).toBe(
      'The file is empty: there is nothing to import.',
    );
  });

  it('a header row without data rows', async () => {
    expect(await refusal(write('head.csv', 'Name;Phone\n'))).toBe(
      'The file has a header row but no data rows.',
    );
  });

  it('a binary file renamed .csv', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.alloc(2000, 7),
    ]);
    expect(await refusal(write('photo.csv', png))).toContain('This is not a table');
  });

  it('a 2 GB Excel workbook (sparse: no disk is spent) is refused by its size before reading', async () => {
    const file = path.join(world.dir, 'huge.xlsx');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, Buffer.from('PK'));
    fs.ftruncateSync(fd, 2 * 1024 ** 3);
    fs.closeSync(fd);
    world.app.ctx.importer.allowFile(file);
    expect(await refusal(file)).toBe(
      'The file is too large (2.0 GB); Kartoteka imports files up to 200 MB. Split it into several files.',
    );
  });

  it('a 2 GB CSV is read in chunks, not refused by its size: zeros are not a table', async () => {
    const file = path.join(world.dir, 'huge.csv');
    const fd = fs.openSync(file, 'w');
    fs.ftruncateSync(fd, 2 * 1024 ** 3);
    fs.closeSync(fd);
    world.app.ctx.importer.allowFile(file);
    expect(await refusal(file)).toContain('This is not a table');
  });

  it('a file with 10,000 columns', async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(';');
    const row = Array.from({ length: 10_000 }, () => 'x').join(';');
    expect(await refusal(write('wide.csv', `${header}\n${row}\n`))).toBe(
      'The file has 10,000 columns; at most 500 can be imported. Is the first row a header row?',
    );
  });

  it('a truncated xlsx, an old .xls and a sheet that is not there', async () => {
    const bytes = await xlsxBytes();
    expect(
      await refusal(write('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)))),
    ).toContain('damaged or incomplete');
    expect(
      await refusal(write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]))),
    ).toContain('old Excel .xls');
    const good = write('good.xlsx', bytes);
    const envelope = await world.send('import.preview', {
      path: good,
      target: 'clients',
      sheet: 'Нет',
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: { message: 'There is no sheet "Нет" in this file. Sheets: Sheet1.' },
    });
  });

  it('mixed encodings: UTF-8 and Windows-1251 lines in one file', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Имя;Телефон\nИванова Мария;+7 900 000-00-01\n', 'utf8'),
      iconv.encode('Петров Пётр;+7 900 000-00-02\nСидорова Анна;+7 900 000-00-03\n', 'win1251'),
    ]);
    expect(await refusal(write('mixed.csv', bytes))).toContain('mixes text encodings');
  });

  it('a file that is not there (any more)', async () => {
    const gone = write('gone.csv', 'Name\nAnn\n');
    fs.rmSync(gone);
    expect(await refusal(gone)).toContain('File not found');
  });
});

/** A small deterministic generator, so a failing case can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

describe('fuzz', () => {
  it('never fails inside, never writes on a refusal, on 300 generated broken files', async () => {
    const rnd = random(20261130);
    const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
    const good = [
      'Имя;Телефон;Почта;Дата рождения\nАнна;+7 900 1;a@b.ru;01.02.1990\n"Б; ""кавычки""";8 900 2;;\n',
      'Name,Phone,Email\nAnn,555 0100,ann@example.com\n"Bob\nSmith",555-0101,\n',
    ];
    const xlsx = await xlsxBytes();
    const mutations: ((b: Buffer) => Buffer)[] = [
      (b) => b.subarray(0, Math.floor(rnd() * b.length)),
      (b) => {
        const c = Buffer.from(b);
        for (let i = 0; i < 1 + rnd() * 20; i += 1)
          c[Math.floor(rnd() * c.length)] = Math.floor(rnd() * 256);
        return c;
      },
      (b) => Buffer.concat([b, Buffer.from('"unclosed quote, ;;;\n\n\u0000')]),
      (b) =>
        Buffer.concat([
          iconv.encode(b.toString('utf8'), pick(['win1251', 'utf-16le', 'koi8-r'])),
          b,
        ]),
      () =>
        Buffer.from(
          Array.from({ length: 1 + Math.floor(rnd() * 4000) }, () => Math.floor(rnd() * 256)),
        ),
      (b) =>
        Buffer.from(
          b.toString('utf8').replace(/;|,/g, () => pick([';', ',', '\t', '"', '\n', ''])),
        ),
    ];
    let refused = 0;
    for (let i = 0; i < 300; i += 1) {
      const isXlsx = rnd() < 0.3;
      const base = isXlsx ? xlsx : Buffer.from(pick(good));
      const bytes = pick(mutations)(base);
      const file = write(`fuzz-${i}.${isXlsx ? 'xlsx' : 'csv'}`, bytes);
      const before = snapshot();
      const preview = await world.send('import.preview', { path: file, target: 'clients' });
      if (!preview.ok) {
        expect(preview.error.code, `case ${i}: ${preview.error.message}`).not.toBe('internal');
        expect(preview.error.message.length).toBeGreaterThan(10);
        refused += 1;
        continue;
      }
      const mapping = Object.fromEntries(
        (preview.data as ImportPreview).headers.map(
          (h, j) => [h, j === 0 ? 'name' : null] as const,
        ),
      );
      const result = await world.send('import.run', {
        path: file,
        target: 'clients',
        mapping,
        onDuplicate: pick(['update', 'skip', 'create'] as const),
        onInvalid: 'abort',
      });
      if (!result.ok) {
        expect(result.error.code, `case ${i}: ${result.error.message}`).not.toBe('internal');
        expect(snapshot()).toEqual(before);
      } else if ((result.data as ImportResult).aborted) {
        expect(snapshot()).toEqual(before);
      }
    }
    // The generator does produce both kinds of outcome.
    expect(refused).toBeGreaterThan(30);
    expect(refused).toBeLessThan(300);
  });
});

describe('cancel', () => {
  it('a cancel during the write rolls everything back', async () => {
    const lines = ['Name;Phone'];
    for (let i = 0; i < 9000; i += 1)
      lines.push(`Client ${i};+7 900 ${String(i).padStart(7, '0')}`);
    const file = write('big.csv', lines.join('\n'));
    const before = snapshot();
    const ctx = world.app.ctx;
    let writes = 0;
    await expect(
      runImport(
        ctx,
        {
          path: file,
          target: 'clients',
          mapping: { Name: 'name', Phone: 'phone' },
          onDuplicate: 'update',
          onInvalid: 'skip',
        },
        {
          locale: 'en',
          today: '2026-11-30',
          onProgress: (phase) => {
            if (phase === 'write') writes += 1;
          },
          cancelled: () => writes >= 2,
        },
      ),
    ).rejects.toBeInstanceOf(ImportCancelled);
    expect(writes).toBe(2);
    expect(snapshot()).toEqual(before);
    expect((await world.call('clients.list', { query: 'Client' })).total).toBe(0);
  });
});

describe('a worker that cannot start', () => {
  it('falls back to importing in this thread, says so in the log, and imports', async () => {
    const script = write('broken-worker.cjs', "throw new Error('cannot load');\n");
    const logged: string[] = [];
    const app = createApp({
      workbookPath: path.join(world.dir, 'fallback.kartoteka'),
      migrationsDir: MIGRATIONS_DIR,
      dataDir: world.dir,
      shell: 'web',
      version: 'test',
      systemLocale: 'en',
      importWorker: script,
      logger: { info: () => undefined, error: (m) => logged.push(m) },
    });
    try {
      const file = write('few.csv', 'Name;Phone\nAnn;+7 900 111-22-33\nBob;+7 900 111-22-44\n');
      app.ctx.importer.allowFile(file);
      const envelope = await app.dispatch('import.run', {
        path: file,
        target: 'clients',
        mapping: { Name: 'name', Phone: 'phone' },
        onDuplicate: 'update',
        onInvalid: 'skip',
      });
      expect(envelope).toMatchObject({ ok: true, data: { inserted: 2 } });
      expect(logged).toEqual(['import worker could not start; importing inline']);
    } finally {
      app.close();
    }
  });
});
