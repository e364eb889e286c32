/**
 * The set-based paths of a large sales import, at a size a test can hold: the check's keys of
 * earlier rows kept in typed arrays up to a bound and beyond it in its temporary table under an
 * index of their hashes, the per-client lines of the new sales written by one statement, and an undo that builds the history's client index once
 * at the end. Each must give what the row-by-row way gave: the same repeats found, every
 * client's line listing exactly its new sales, every removal recorded and found on the card.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seenKeysTable } from '../../db/queries/import-seen';
import { undoBatch } from '../../db/queries/revert';
import type { SaleImportOp } from '../../db/queries/import-write';
import { readSetting } from '../../db/queries/settings';
import { MAPPINGS_SETTING, runImport } from '../../electron/services/import/run';
import { byClientAndDate, inIndexOrder } from '../../electron/services/import/sales-feed';
import {
  keyHashes,
  KeysInMemory,
  saleKey,
  seenInTempTable,
  type KeyedSale,
} from '../../electron/services/import/seen-sales';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

const CLIENTS = 40;
const code = (i: number) => `C-${String(i).padStart(2, '0')}`;
const env = { locale: 'ru' as const, today: '2026-11-30', chunkRows: 300, bulkRows: 500 };

function write(name: string, lines: string[]): string {
  const file = path.join(world.dir, name);
  fs.writeFileSync(file, lines.join('\r\n'));
  world.app.ctx.importer.allowFile(file);
  return file;
}

async function addClients(): Promise<Map<string, string>> {
  const lines = ['Код;ФИО'];
  for (let i = 0; i < CLIENTS; i += 1) lines.push(`${code(i)};Клиент ${i}`);
  await world.call('import.run', {
    path: write('clients.csv', lines),
    target: 'clients',
    mapping: { Код: 'externalId', ФИО: 'name' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
  const ids = world.app.wb.sqlite.prepare('SELECT external_id, id FROM clients').raw().all() as [
    string,
    string,
  ][];
  return new Map(ids);
}

/** 1,200 sales over 40 clients, dates out of order, in chunks of 300. */
function salesFile(): string {
  const lines = ['Код;Дата;Сумма'];
  for (let i = 0; i < 1200; i += 1) {
    const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
    lines.push(`${code(i % CLIENTS)};${day}.0${1 + (i % 9)}.2025;${100 + i},00`);
  }
  return write('sales.csv', lines);
}

const request = (file: string) => ({
  path: file,
  target: 'sales' as const,
  mapping: { Код: 'externalId', Дата: 'date', Сумма: 'amount' },
  onDuplicate: 'update' as const,
  onInvalid: 'skip' as const,
});

describe('a large sales import, set-based', () => {
  it("the check's table of earlier keys finds every key added, the later row of a key winning", () => {
    const table = seenKeysTable(world.app.wb);
    const expected = new Map<string, number>();
    // More keys than one batch holds, some added again later (a later row replaces it).
    for (let row = 2; row < 12_345; row += 1) {
      const key = `client-${row % 9_000}|2025-01-01|${row % 9_000}|№ «${row % 7}»`;
      table.add(key, row);
      expected.set(key, row);
    }
    const keys = [...expected.keys()];
    expect(table.find(keys)).toEqual(expected);
    expect(table.find(['not-there'])).toEqual(new Map());
    table.drop();
  });

  it('a key whose hash another key shares is told apart by the key itself', () => {
    // Every key on one hash: the worst a hash can do.
    const table = seenKeysTable(world.app.wb, () => 42);
    table.add('a|2025-01-01|100|', 2);
    table.add('b|2025-01-01|100|', 3);
    table.add('a|2025-01-01|100|', 7);
    expect(table.find(['a|2025-01-01|100|', 'c|2025-01-01|100|'])).toEqual(
      new Map([['a|2025-01-01|100|', 7]]),
    );
    expect(table.find(['b|2025-01-01|100|'])).toEqual(new Map([['b|2025-01-01|100|', 3]]));
    table.drop();
  });

  it('the keys a check holds in memory find every key added, told apart on a shared hash, up to their bound', () => {
    const keys = new KeysInMemory(20_000, 1_000_000);
    const expected = new Map<string, number>();
    // Past the first sizes of its arrays (32,768 entries, a million characters is the bound),
    // some added again later (the later row wins), Cyrillic among them.
    for (let row = 2; row < 40_000; row += 1) {
      const key = `client-${row % 15_000}|2025-01-01|${row % 15_000}|№ «${(row % 15_000) % 7}»`;
      expect(keys.add(key, keyHashes(key)[0], row)).toBe(true);
      expected.set(key, row);
    }
    expect(keys.size).toBe(15_000);
    for (const [key, row] of expected) expect(keys.get(key, keyHashes(key)[0])).toBe(row);
    expect(keys.get('not-there', keyHashes('not-there')[0])).toBeUndefined();
    // Every key on one hash.
    const shared = new KeysInMemory(10, 1000);
    for (const [key, row] of [
      ['a|1', 2],
      ['b|1', 3],
      ['a|1', 7],
    ] as const)
      shared.add(key, 42, row);
    expect([shared.get('a|1', 42), shared.get('b|1', 42), shared.get('c|1', 42)]).toEqual([
      7,
      3,
      undefined,
    ]);
    // Full: a new key is refused (it goes to the table), one it holds is still updated.
    const full = new KeysInMemory(2, 1000);
    expect([
      full.add('x', 1, 2),
      full.add('y', 2, 3),
      full.add('z', 3, 4),
      full.add('x', 1, 5),
    ]).toEqual([true, true, false, true]);
    expect(full.get('x', 1)).toBe(5);
    expect(full.get('z', 3)).toBeUndefined();
  });

  it('a check past its keys in memory finds the rest in its temporary table', () => {
    const seen = seenInTempTable(world.app.wb, { rows: 100, chars: 100_000 });
    const sale = (client: string, row: number): KeyedSale => {
      const op: SaleImportOp = {
        row,
        action: 'create',
        clientId: client,
        saleId: null,
        values: { date: '2025-01-01', amount: 100 },
        managerName: null,
      };
      const key = saleKey(client, op.values);
      const [h1, h2] = keyHashes(key);
      return { op, key, h1, h2 };
    };
    for (let row = 2; row < 302; row += 1) seen.add(sale(`c-${row % 250}`, row));
    // The first 100 keys (c-2 to c-101) in memory, those of c-2 to c-51 added again later
    // there; the next 150 in the table, c-0 and c-1 among them.
    const found = seen.earlier(
      ['c-10', 'c-50', 'c-60', 'c-200', 'c-1', 'new'].map((client) => sale(client, 0)),
    );
    expect(found).toEqual(
      new Map([
        [sale('c-10', 0).key, 260],
        [sale('c-50', 0).key, 300],
        [sale('c-60', 0).key, 60],
        [sale('c-200', 0).key, 200],
        [sale('c-1', 0).key, 251],
      ]),
    );
    seen.close();
    expect(
      world.app.wb.sqlite
        .prepare("SELECT count(*) FROM temp.sqlite_master WHERE name = 'import_seen_keys'")
        .pluck()
        .get(),
    ).toBe(0);
  });

  it("a chunk's packed sort keys give the comparator's order, ties in the file's order", () => {
    let seed = 3;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const op = (row: number, clientOrder: number, date: string): SaleImportOp => ({
      row,
      action: 'create',
      clientId: `client-${String(clientOrder).padStart(7, '0')}`,
      saleId: null,
      values: { date, amount: 100 },
      managerName: null,
      clientOrder,
    });
    const days = [
      '1900-01-01',
      '1999-12-31',
      '2024-02-29',
      '2025-01-01',
      '2025-10-09',
      '2199-12-31',
    ];
    const ops = Array.from({ length: 5000 }, (_, row) =>
      op(row, Math.floor(next() * 300) * 3_000, days[Math.floor(next() * days.length)]!),
    );
    // The last client the packing holds, and its first beyond (the comparator then).
    ops.push(op(5000, 2 ** 20 - 1, '2025-01-01'));
    const expected = [...ops].sort(byClientAndDate).map((o) => o.row);
    expect(inIndexOrder([...ops]).map((o) => o.row)).toEqual(expected);
    const beyond = [...ops, op(5001, 2 ** 20, '2025-01-01')];
    expect(inIndexOrder(beyond).map((o) => o.row)).toEqual([...expected, 5001]);
  });

  it("a chunk is written in client order, yet one client's sales of one day keep the file's order", async () => {
    const clients = await addClients();
    // Clients out of order in one chunk, and client 5's three sales of one day apart in it.
    const lines = ['Код;Дата;Сумма'];
    const amounts = [300, 100, 200];
    for (let i = 0; i < 90; i += 1) {
      const client = (i * 7) % CLIENTS;
      lines.push(`${code(client)};0${1 + (i % 3)}.03.2025;${1000 + i},00`);
      if (i % 30 === 29) lines.push(`${code(5)};02.03.2025;${amounts.shift()!},00`);
    }
    const result = await runImport(world.app.ctx, request(write('day.csv', lines)), env);
    expect(result.inserted).toBe(lines.length - 1);
    const fifth = clients.get(code(5))!;
    const day = world.app.wb.sqlite
      .prepare(
        "SELECT id, amount FROM sales WHERE client_id = ? AND date = '2025-03-02' ORDER BY rowid",
      )
      .raw()
      .all(fifth) as [string, number][];
    const fileOrder = lines
      .slice(1)
      .filter((l) => l.startsWith(`${code(5)};02.03`))
      .map((l) => Number(l.split(';')[2]!.replace(',00', '')) * 100);
    expect(fileOrder).toEqual([30_000, 10_000, 20_000]);
    expect(day.map(([, amount]) => amount)).toEqual(fileOrder);
    // The ids follow the order of writing, as the history's lists and the undo expect.
    const ids = world.app.wb.sqlite.prepare('SELECT id FROM sales ORDER BY rowid').pluck().all();
    expect(ids).toEqual([...ids].sort());
  });

  it("each client's line lists exactly its new sales by date, and a large undo records every removal", async () => {
    const clients = await addClients();
    const annaId = clients.get(code(3))!;
    await world.call('sales.add', { clientId: annaId, date: '2024-05-01', amount: 900 });
    const liveSales = () =>
      world.app.wb.sqlite
        .prepare(
          'SELECT id, client_id, date FROM sales WHERE deleted_at IS NULL ORDER BY client_id, date, rowid',
        )
        .raw()
        .all() as [string, string, string][];
    const indexes = () =>
      world.app.wb.sqlite
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
        .all();
    const before = { sales: liveSales(), indexes: indexes() };
    const cacheSize = () => world.app.wb.sqlite.pragma('cache_size', { simple: true });
    const cache = cacheSize();

    const file = salesFile();
    const result = await runImport(world.app.ctx, request(file), env);
    expect(result.inserted).toBe(1200);
    // The date index was built again in small sort runs, and the page cache given back after.
    expect(indexes()).toEqual(before.indexes);
    expect(cacheSize()).toBe(cache);
    // The run itself remembered its mapping (on its own connection, the worker's when there is
    // one): the next file with these headers comes mapped.
    const saved = readSetting<Record<string, Record<string, string>>>(
      world.app.wb,
      MAPPINGS_SETTING,
    )?.sales;
    expect(Object.values(saved ?? {}).sort()).toEqual(['amount', 'date', 'externalId']);
    const again = await world.call('import.preview', { path: file, target: 'sales' });
    expect(again.suggestedMapping).toEqual(request(file).mapping);
    const old = new Set(before.sales.map(([id]) => id));
    const annasNew = liveSales()
      .filter(([id, c]) => c === annaId && !old.has(id))
      .map(([id]) => id);
    for (const clientId of clients.values()) {
      const added = liveSales()
        .filter(([id, c]) => c === clientId && !old.has(id))
        .map(([id]) => id);
      const lines = (await world.call('history.list', { clientId })).filter(
        (h) => h.batchId === result.batchId && h.entity === 'sales',
      );
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ field: 'created', oldValue: null, creation: true });
      expect(lines[0]!.newValue).toEqual(added);
    }

    const undo = undoBatch(world.app.ctx, result.batchId!, { bulkRows: 500 });
    expect(undo).toMatchObject({ reverted: 1200, skipped: 0 });
    expect({ sales: liveSales(), indexes: indexes() }).toEqual(before);
    expect(cacheSize()).toBe(cache);
    // Every removed sale has its line under the undo, on its client's card.
    const annas = (await world.call('history.list', { clientId: annaId })).filter(
      (h) => h.batchId === undo.batchId && h.entity === 'sale' && h.field === 'deletedAt',
    );
    expect(annas).toHaveLength(1200 / CLIENTS);
    const annasLines = world.app.wb.sqlite
      .prepare(
        "SELECT entity_id FROM changes WHERE batch_id = ? AND client_id = ? AND field = 'deletedAt'",
      )
      .pluck()
      .all(undo.batchId, annaId) as string[];
    expect(annasLines.sort()).toEqual([...annasNew].sort());
    // The undo's lines have ids of their own, counted up from one fresh id in the order written.
    const undoIds = world.app.wb.sqlite
      .prepare('SELECT id FROM changes WHERE batch_id = ? ORDER BY rowid')
      .pluck()
      .all(undo.batchId) as string[];
    expect(undoIds.length).toBeGreaterThanOrEqual(1200);
    expect(new Set(undoIds).size).toBe(undoIds.length);
    expect([...undoIds].sort()).toEqual(undoIds);
    for (const id of undoIds)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const deletedAt = world.app.wb.sqlite
      .prepare('SELECT DISTINCT deleted_at FROM sales WHERE deleted_at IS NOT NULL')
      .pluck()
      .all();
    expect(deletedAt).toHaveLength(1);
    for (const line of annas) {
      expect(line).toMatchObject({ oldValue: null, newValue: deletedAt[0], creation: false });
    }
    const removals = world.app.wb.sqlite
      .prepare(
        "SELECT count(*) FROM changes WHERE batch_id = ? AND entity = 'sale' AND field = 'deletedAt'",
      )
      .pluck()
      .get(undo.batchId);
    expect(removals).toBe(1200);
  });
});
