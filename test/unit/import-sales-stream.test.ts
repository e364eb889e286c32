/**
 * A sales import read, checked and written in chunks of rows: a file of 5,000 rows in chunks of
 * 700 gives the same counts, the same sales and the same history as in one chunk, its undo
 * puts the workbook back as it was, a cancel between chunks leaves nothing, and a file over
 * the old limit of a million rows is read (the figures for a million rows are the bench's).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../electron/api/contract';
import { ImportCancelled } from '../../electron/services/import/plan';
import { checkImport, runImport } from '../../electron/services/import/run';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

const CLIENTS = 300;
const ROWS = 5000;
const code = (i: number) => `C-${String(i).padStart(3, '0')}`;
const mapping = { Код: 'externalId', Дата: 'date', Сумма: 'amount', Менеджер: 'manager' };
/** Chunks of `chunkRows`; from 500 rows on, the indexes a large import rebuilds at the end. */
const env = (chunkRows: number) => ({
  locale: 'ru' as const,
  today: '2026-11-30',
  chunkRows,
  bulkRows: 500,
});
const request = (file: string) => ({
  path: file,
  target: 'sales' as const,
  mapping,
  onDuplicate: 'update' as const,
  onInvalid: 'skip' as const,
});

function write(name: string, lines: string[]): string {
  const file = path.join(world.dir, name);
  fs.writeFileSync(file, lines.join('\r\n'));
  world.app.ctx.importer.allowFile(file);
  return file;
}

async function addClients(): Promise<void> {
  const lines = ['Код;ФИО'];
  for (let i = 0; i < CLIENTS; i += 1) lines.push(`${code(i)};Клиент ${i}`);
  const file = write('clients.csv', lines);
  await world.call('import.run', {
    path: file,
    target: 'clients',
    mapping: { Код: 'externalId', ФИО: 'name' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
}

type Row = [string, string, string, string];
const day = (i: number) => `${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.2025`;

/**
 * The file, and what each row must come to: unknown clients and bad amounts are invalid, rows
 * repeating the 40 sales imported before update them (to the same values: unchanged), rows
 * repeating an earlier row of the file (hundreds of rows apart, across chunks) are skipped.
 */
function salesFile() {
  const earlier: Row[] = [];
  for (let i = 0; i < 40; i += 1) earlier.push([code(i), day(i), `${1000 + i},50`, 'Петров']);
  const rows: Row[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    if (i % 97 === 5) rows.push([`X-${i}`, day(i), '10', 'Петров']);
    else if (i % 131 === 7) rows.push([code(i % CLIENTS), day(i), 'много', 'Петров']);
    else if (i % 113 === 11) rows.push(earlier[i % 40]!);
    else if (i % 89 === 13 && i > 800) rows.push(rows[i - 750]!);
    else
      rows.push([
        code(i % CLIENTS),
        day(i),
        `${(i * 7919) % 100000},${i % 100}`,
        i % 2 ? 'Петров' : 'Сидорова',
      ]);
  }
  const expected = { invalid: 0, created: 0, unchanged: 0, repeats: 0 };
  const seen = new Set(earlier.map((r) => r.slice(0, 3).join('|')));
  const fileKeys = new Set<string>();
  for (const r of rows) {
    if (r[0].startsWith('X-') || r[2] === 'много') expected.invalid += 1;
    else if (seen.has(r.slice(0, 3).join('|'))) expected.unchanged += 1;
    else if (fileKeys.has(r.slice(0, 3).join('|'))) expected.repeats += 1;
    else {
      fileKeys.add(r.slice(0, 3).join('|'));
      expected.created += 1;
    }
  }
  const head = 'Код;Дата;Сумма;Менеджер';
  return {
    earlier: write('earlier.csv', [head, ...earlier.map((r) => r.join(';'))]),
    file: write('sales.csv', [head, ...rows.map((r) => r.join(';'))]),
    expected,
  };
}

/** Every live sale and every client's stage, as a user could read them, and the indexes. */
function workbookState() {
  const sqlite = world.app.wb.sqlite;
  return {
    indexes: sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
      .all(),
    sales: sqlite
      .prepare(
        'SELECT client_id, date, amount, manager_id FROM sales WHERE deleted_at IS NULL ORDER BY client_id, date, amount',
      )
      .all(),
    stages: sqlite.prepare('SELECT id, stage FROM clients ORDER BY id').all(),
  };
}

describe('a sales import in chunks', () => {
  it('counts, writes and records the same in chunks of 700 as in one, and its undo restores the workbook', async () => {
    await addClients();
    const { earlier, file, expected } = salesFile();
    await runImport(world.app.ctx, request(earlier), env(700));
    const before = workbookState();

    const check = await checkImport(world.app.wb, request(file), env(700));
    expect(check).toEqual(await checkImport(world.app.wb, request(file), env(1_000_000)));
    expect(check).toMatchObject({
      total: ROWS,
      invalid: expected.invalid,
      willCreate: expected.created,
      willUpdate: 0,
      unchanged: expected.unchanged,
      willSkip: expected.unchanged + expected.repeats,
      newManagers: ['Сидорова'],
    });
    expect(check.duplicatesTotal).toBe(expected.unchanged + expected.repeats);
    // A repeat names the earlier row of the file it repeats, chunks apart.
    const repeat = check.duplicates.find((d) => d.firstRow !== null)!;
    expect(repeat.row - repeat.firstRow!).toBe(750);

    const result = await runImport(world.app.ctx, request(file), env(700));
    expect(result).toMatchObject({
      total: ROWS,
      inserted: expected.created,
      updated: 0,
      unchanged: expected.unchanged,
      skipped: expected.unchanged + expected.repeats,
      invalid: expected.invalid,
      duplicates: expected.unchanged + expected.repeats,
    });
    expect(result.inserted + result.updated + result.skipped + result.invalid).toBe(result.total);
    expect(result.errorsTotal).toBe(check.errorsTotal);

    const batches = await world.call('history.batches', { limit: 10 });
    const imports = batches.filter((b) => b.kind === 'import' && b.label === 'sales.csv');
    expect(imports).toHaveLength(1);
    expect(imports[0]!.changes).toBe(expected.created);
    const after = workbookState();
    expect(after.sales).toHaveLength(before.sales.length + expected.created);
    // The indexes dropped for the load are back, as they were defined.
    expect(after.indexes).toEqual(before.indexes);
    expect(after.indexes).toContainEqual(expect.objectContaining({ name: 'sales_date_idx' }));
    expect(after.stages).not.toEqual(before.stages);

    const undo = await world.call('history.undoBatch', { batchId: result.batchId! });
    expect(undo).toMatchObject({ reverted: expected.created, skipped: 0 });
    expect(workbookState()).toEqual(before);
  });

  it('a cancel between chunks leaves nothing written', async () => {
    await addClients();
    const { file } = salesFile();
    const tables = ['sales', 'changes', 'batches', 'managers', 'clients'];
    const counts = () => tables.map((t) => world.count(t));
    const before = { counts: counts(), state: workbookState() };
    let chunks = 0;
    const run = runImport(world.app.ctx, request(file), {
      ...env(700),
      onProgress: (phase) => {
        if (phase === 'write') chunks += 1;
      },
      cancelled: () => chunks >= 3,
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(chunks).toBe(3);
    expect({ counts: counts(), state: workbookState() }).toEqual(before);
    // And the same file imports afterwards as if nothing had happened.
    const result: ImportResult = await runImport(world.app.ctx, request(file), env(700));
    expect(result.inserted).toBeGreaterThan(4000);
  });

  it('reads a file over the old limit of a million rows (it was refused)', async () => {
    const file = path.join(world.dir, 'million.csv');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, 'Код;Дата;Сумма\n');
    const block = 'C-001;05.01.2026;100,50\n'.repeat(10_000);
    for (let i = 0; i < 100; i += 1) fs.writeSync(fd, block);
    fs.writeSync(fd, 'C-002;06.01.2026;7\n');
    fs.closeSync(fd);
    world.app.ctx.importer.allowFile(file);
    const preview = await world.call('import.preview', { path: file, target: 'sales' });
    expect(preview.totalRows).toBe(1_000_001);
    expect(preview.rows[0]).toEqual(['C-001', '05.01.2026', '100,50']);
    expect(preview.dateColumns).toEqual({ Дата: 'dmy' });
  });
});
