/**
 * A real purchase history for sales import tests: the CDNOW sample as a 1C-like file (with
 * unknown clients, bad amounts and repeated rows), the workbook it goes into (its clients, a
 * manager, sales imported before) and all a user could read of the import afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportEnv, OnDuplicate } from '../../electron/services/import/plan-common';
import { runImport } from '../../electron/services/import/run';
import type { World } from './world';

const CDNOW = path.resolve(__dirname, '../fixtures/CDNOW_sample.txt');

export const HEAD = 'Код;Дата;Сумма;Количество;Менеджер';

/** The CDNOW sample as a 1C-like file, with unknown clients, bad amounts and repeated rows. */
export function cdnowRows(): { clients: string[]; rows: string[] } {
  const lines = fs.readFileSync(CDNOW, 'utf8').trim().split('\n');
  const ids = new Set<string>();
  const rows: string[] = [];
  lines.forEach((line, i) => {
    const [, id, ymd, cds, dollars] = line.trim().split(/\s+/);
    ids.add(id!);
    const date = `${ymd!.slice(6)}.${ymd!.slice(4, 6)}.${ymd!.slice(0, 4)}`;
    const manager = i % 3 === 0 ? 'Петров' : i % 3 === 1 ? 'Сидорова' : '';
    rows.push(`${id};${date};${dollars!.replace('.', ',')};${cds};${manager}`);
    if (i % 101 === 5) rows.push(`X-${i};${date};10;1;`);
    if (i % 131 === 7) rows.push(`${id};${date};много;1;`);
    if (i % 89 === 13 && i > 800) rows.push(rows[rows.length - 700]!);
  });
  // Shuffled (the same way every time): a chunk's rows reach the workbook in the order of the
  // client index, not the file's.
  const shuffled = rows.map((_, i) => rows[(i * 7919) % rows.length]!);
  return { clients: [...ids], rows: shuffled };
}

export function salesFile(world: World, name: string, lines: string[]): string {
  const at = path.join(world.dir, name);
  fs.writeFileSync(at, lines.join('\r\n'));
  world.app.ctx.importer.allowFile(at);
  return at;
}

export const salesRequest = (at: string, onDuplicate: OnDuplicate = 'skip') => ({
  path: at,
  target: 'sales' as const,
  mapping: {
    Код: 'externalId',
    Дата: 'date',
    Сумма: 'amount',
    Количество: 'quantity',
    Менеджер: 'manager',
  },
  onDuplicate,
  onInvalid: 'skip' as const,
});

/**
 * The clients, a manager, and sales imported before: the file's first 300 rows (which it
 * repeats) and a sale of 1996 for the clients of the next 600.
 */
export async function prepareSales(
  world: World,
  rows: string[],
  clients: string[],
  env: ImportEnv,
): Promise<void> {
  await world.call('import.run', {
    path: salesFile(world, 'clients.csv', [
      'Код;ФИО',
      ...clients.map((id) => `${id};Клиент ${id}`),
    ]),
    target: 'clients',
    mapping: { Код: 'externalId', ФИО: 'name' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
  await world.call('managers.add', { name: 'Петров' });
  await runImport(
    world.app.ctx,
    // Without their managers: the file's second manager is new to the workbook. And a sale
    // on a day of its own for other clients: their stages count it with the file's days.
    salesRequest(
      salesFile(world, 'earlier.csv', [
        HEAD,
        ...rows.slice(0, 300).map((r) => r.replace(/;[^;]*$/, ';')),
        ...rows
          .slice(300, 900)
          .map((r) => r.replace(/;\d\d\.\d\d\.\d{4};/, ';15.06.1996;').replace(/;[^;]*$/, ';')),
      ]),
    ),
    env,
  );
}

/**
 * All a user could read of the import, by the clients' codes (ids differ between workbooks);
 * the sales in the order they were written (the order of the client index: pages filled in turn).
 */
export function importState(world: World) {
  const sqlite = world.app.wb.sqlite;
  return {
    sales: sqlite
      .prepare(
        `SELECT c.external_id, s.date, s.amount, s.quantity, m.name AS manager, s.deleted_at IS NULL AS live
         FROM sales s JOIN clients c ON c.id = s.client_id LEFT JOIN managers m ON m.id = s.manager_id
         ORDER BY s.rowid`,
      )
      .all() as { live: number }[],
    history: sqlite
      .prepare(
        `SELECT c.external_id, ch.entity, ch.field, b.kind, b.label,
                CASE WHEN ch.entity = 'sales' THEN json_array_length(ch.new_value) ELSE ch.new_value END AS value,
                -- The sales a line lists, in its order (ids differ between workbooks; rowids do not).
                CASE WHEN ch.entity = 'sales' THEN (
                  SELECT json_group_array(json_array(s.rowid, s.date, s.amount) ORDER BY j.key)
                  FROM json_each(ch.new_value) j JOIN sales s ON s.id = j.value) END AS listed
         FROM changes ch JOIN batches b ON b.id = ch.batch_id JOIN clients c ON c.id = ch.client_id
         ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      )
      .all() as { value: unknown; listed: string | null }[],
    stages: sqlite.prepare('SELECT external_id, stage FROM clients ORDER BY external_id').all(),
    managers: sqlite.prepare('SELECT name FROM managers ORDER BY name').pluck().all(),
    indexes: sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
      .all(),
  };
}
