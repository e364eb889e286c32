/**
 * A client import large enough to take the bulk path of the write (a bigger search-index
 * buffer, the creation lines written set-based, the clients' secondary indexes suspended and
 * built again at the end): the new clients are found by search, each card shows its creation
 * by the import, every index is back as it was, a second import updates them, and the undo
 * takes them all back out of the list and the search, leaving the index's settings as they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { reindexClients } from '../../db/queries/search';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'en' });
});
afterEach(() => world.dispose());

const ROWS = 2500;

function csv(name: string, rows: string[]): string {
  const file = path.join(world.dir, name);
  fs.writeFileSync(file, ['Name;Phone;E-mail;City;Birthday', ...rows].join('\n'));
  world.app.ctx.importer.allowFile(file);
  return file;
}

const row = (i: number, city: string) =>
  `Client Number${i};+7 912 ${String(i).padStart(7, '0')};c${i}@example.org;${city};${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.1990`;

const importFile = (file: string) =>
  world.call('import.run', {
    path: file,
    target: 'clients',
    mapping: {
      Name: 'name',
      Phone: 'phone',
      'E-mail': 'email',
      City: 'address',
      Birthday: 'birthday',
    },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });

const hashsize = () =>
  world.app.wb.sqlite
    .prepare("SELECT v FROM client_search_config WHERE k = 'hashsize'")
    .pluck()
    .get() as number | undefined;

const indexes = () =>
  world.app.wb.sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
    .all();

it('imports thousands of clients that search finds, each with its creation line, and undoes them', async () => {
  const before = hashsize();
  const indexesBefore = indexes();
  const rows = Array.from({ length: ROWS }, (_, i) => row(i, 'Oslo'));
  const result = await importFile(csv('big.csv', rows));
  expect(result).toMatchObject({ inserted: ROWS, invalid: 0 });

  const byName = await world.call('clients.list', { query: 'number1234' });
  expect(byName.rows.map((r) => r.name)).toEqual(['Client Number1234']);
  const byPhone = await world.call('clients.list', { query: '8 912 000 2499' });
  expect(byPhone.rows.map((r) => r.name)).toEqual(['Client Number2499']);
  expect((await world.call('clients.list', { query: 'oslo' })).total).toBe(ROWS);

  const first = byName.rows[0]!;
  const history = await world.call('history.list', { clientId: first.id });
  expect(history).toHaveLength(1);
  expect(history[0]).toMatchObject({
    field: 'created',
    creation: true,
    batchId: result.batchId,
    batchKind: 'import',
    newValue: true,
  });
  // Every new client has exactly one creation line, all with distinct ids.
  const lines = world.app.wb.sqlite
    .prepare(
      "SELECT count(*) AS n, count(DISTINCT id) AS ids, count(DISTINCT client_id) AS clients FROM changes WHERE batch_id = ? AND field = 'created'",
    )
    .get(result.batchId) as { n: number; ids: number; clients: number };
  expect(lines).toEqual({ n: ROWS, ids: ROWS, clients: ROWS });
  // The new clients' ids (counted up from one fresh id) are distinct uuids, in the file's order.
  const ids = world.app.wb.sqlite.prepare('SELECT id FROM clients ORDER BY seq').pluck().all();
  expect(new Set(ids).size).toBe(ROWS);
  expect(
    ids.every((id) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(String(id)),
    ),
  ).toBe(true);
  expect([...ids].sort()).toEqual(ids);
  // Their creation lines' ids, counted up by SQLite from one fresh id: in the clients' order,
  // one apart in their last twelve hex digits, as `idSequence` gives them.
  const lineIds = world.app.wb.sqlite
    .prepare(
      "SELECT ch.id FROM changes ch JOIN clients c ON c.id = ch.client_id WHERE ch.field = 'created' ORDER BY c.seq",
    )
    .pluck()
    .all() as string[];
  const prefix = lineIds[0]!.slice(0, 24);
  const counter = Number.parseInt(lineIds[0]!.slice(24), 16);
  expect(lineIds).toEqual(
    lineIds.map((_, n) => prefix + ((counter + n) % 2 ** 48).toString(16).padStart(12, '0')),
  );
  expect(lineIds[0]).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  // The index's buffer setting is put back as it was, and so is every index the write
  // suspended (built again at its end).
  expect(hashsize() ?? 1_048_576).toBe(before ?? 1_048_576);
  expect(indexes()).toEqual(indexesBefore);
  // Each index rebuilt (or written into after its rebuild) holds every row of its table.
  expect(world.app.wb.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  const plan = world.app.wb.sqlite
    .prepare("EXPLAIN QUERY PLAN SELECT id FROM clients WHERE phone_key = '79120002499'")
    .all() as { detail: string }[];
  expect(plan.map((p) => p.detail).join()).toContain('clients_phone_key_idx');
  // Today's birthdays come from the live clients' birthday index: every new client is in it.
  const birthdays = world.app.wb.sqlite
    .prepare(
      'SELECT count(*) FROM clients INDEXED BY clients_birthday_idx WHERE deleted_at IS NULL AND birthday IS NOT NULL',
    )
    .pluck()
    .get();
  expect(birthdays).toBe(ROWS);

  // A second file updates them: the search follows the new values.
  const update = await importFile(
    csv(
      'again.csv',
      rows.map((_, i) => row(i, 'Bergen')),
    ),
  );
  expect(update).toMatchObject({ inserted: 0, updated: ROWS });
  expect((await world.call('clients.list', { query: 'oslo' })).total).toBe(0);
  expect((await world.call('clients.list', { query: 'bergen' })).total).toBe(ROWS);

  await world.call('history.undoBatch', { batchId: update.batchId! });
  await world.call('history.undoBatch', { batchId: result.batchId! });
  expect((await world.call('clients.list', {})).total).toBe(0);
  expect((await world.call('clients.list', { query: 'number1234' })).total).toBe(0);
  expect((await world.call('clients.get', { id: first.id })).deletedAt).not.toBeNull();
});

it('indexes thousands of new clients for search as their cards are written: text, tags and custom text', async () => {
  await world.call('fields.define', { key: 'shop', label: 'Shop', type: 'text' });
  const file = path.join(world.dir, 'tagged.csv');
  // Every third client has a shop (custom text), every fifth a tag; the rest neither.
  const lines = Array.from({ length: ROWS }, (_, i) =>
    [
      `Client Number${i}`,
      `8 (912) ${String(i).padStart(7, '0')}`,
      i % 3 === 0 ? `Kiosk${i}` : '',
      i % 5 === 0 ? `wholesale, zone${i}` : '',
    ].join(';'),
  );
  fs.writeFileSync(file, ['Name;Phone;Shop;Tags', ...lines].join('\n'));
  world.app.ctx.importer.allowFile(file);
  const result = await world.call('import.run', {
    path: file,
    target: 'clients',
    mapping: { Name: 'name', Phone: 'phone', Shop: 'custom.shop', Tags: 'tags' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
  expect(result).toMatchObject({ inserted: ROWS, invalid: 0 });
  const names = async (query: string) =>
    (await world.call('clients.list', { query, limit: 1000 })).rows.map((r) => r.name).sort();
  const total = async (query: string) => (await world.call('clients.list', { query })).total;
  expect(await names('kiosk1203')).toEqual(['Client Number1203']);
  expect(await names('zone1205')).toEqual(['Client Number1205']);
  expect(await names('number1204')).toEqual(['Client Number1204']);
  expect(await names('8 912 000 1204')).toEqual(['Client Number1204']);
  expect(await total('kiosk')).toBe(Math.ceil(ROWS / 3));
  expect(await total('wholesale')).toBe(ROWS / 5);
  expect(await total('number')).toBe(ROWS);
  // One row in each index per client with text there, and the same answers as from the index
  // written again from scratch, as an upgrade does.
  const counts = () =>
    world.app.wb.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM client_search_docsize), (SELECT count(*) FROM client_tag_search_docsize)`,
      )
      .raw()
      .get();
  expect(counts()).toEqual([ROWS, ROWS / 5]);
  const queries = ['kiosk', 'wholesale', 'kiosk12', 'zone2', 'number24', '7912000', '8912000'];
  const before = await Promise.all(queries.map(names));
  reindexClients(world.app.wb);
  expect(counts()).toEqual([ROWS, ROWS / 5]);
  expect(await Promise.all(queries.map(names))).toEqual(before);
});

it('moves tens of thousands of clients to the trash and back with every index whole', async () => {
  const count = 12_000;
  const file = csv(
    'many.csv',
    Array.from({ length: count }, (_, i) => row(i, 'Oslo')),
  );
  const indexesBefore = indexes();
  const imported = await importFile(file);
  expect(imported).toMatchObject({ inserted: count });
  const live = async () => (await world.call('clients.list', {})).total;
  const trash = () => world.call('clients.list', { trash: true, limit: 3 });
  const birthdays = () =>
    world.app.wb.sqlite
      .prepare(
        'SELECT count(*) FROM clients INDEXED BY clients_birthday_idx WHERE deleted_at IS NULL AND birthday IS NOT NULL',
      )
      .pluck()
      .get();
  const whole = () => {
    expect(indexes()).toEqual(indexesBefore);
    expect(world.app.wb.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  };

  const removed = await world.call('clients.bulk', {
    filter: {},
    action: { type: 'delete' },
  });
  expect(removed.affected).toBe(count);
  whole();
  expect(await live()).toBe(0);
  const inTrash = await trash();
  expect(inTrash.total).toBe(count);
  // The trash lists by name through its own index: "Client Number0", "…1", "…10".
  expect(inTrash.rows.map((r) => r.name)).toEqual([
    'Client Number0',
    'Client Number1',
    'Client Number10',
  ]);
  expect(birthdays()).toBe(0);

  await world.call('history.undoBatch', { batchId: removed.batchId });
  whole();
  expect(await live()).toBe(count);
  expect((await trash()).total).toBe(0);
  expect(birthdays()).toBe(count);
  const firstLive = await world.call('clients.list', { limit: 2 });
  expect(firstLive.rows.map((r) => r.name)).toEqual(['Client Number0', 'Client Number1']);

  await world.call('history.undoBatch', { batchId: imported.batchId! });
  whole();
  expect(await live()).toBe(0);
  expect((await trash()).total).toBe(count);
});
