/**
 * A sales run writes a row with only its client, date and amount through a shorter statement
 * than a row with more fields: both come out as the same kind of sale. The optional fields a row
 * leaves empty are empty, those it gives are kept, and every sale of the run carries the run's
 * one time as created and updated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru', now: () => new Date('2026-11-30T09:15:00.000Z') });
});
afterEach(() => world.dispose());

function write(name: string, lines: string[]): string {
  const file = path.join(world.dir, name);
  fs.writeFileSync(file, lines.join('\r\n'));
  world.app.ctx.importer.allowFile(file);
  return file;
}

interface SaleRow {
  code: string;
  date: string;
  amount: number;
  margin: number | null;
  category: string | null;
  product: string | null;
  quantity: number | null;
  doc_no: string | null;
  manager: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

it('rows with and without the optional fields are stored whole, each with the run’s time', async () => {
  await world.call('import.run', {
    path: write('clients.csv', ['Код;ФИО', 'C-1;Анна', 'C-2;Борис', 'C-3;Вера']),
    target: 'clients',
    mapping: { Код: 'externalId', ФИО: 'name' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
  const file = write('sales.csv', [
    'Код;Дата;Сумма;Наценка;Категория;Товар;Кол-во;Документ;Менеджер',
    'C-1;01.02.2025;100,50;;;;;;',
    'C-1;02.02.2025;200;30;Кофе;Зерно 1 кг;2;РН-17;Петров',
    'C-2;03.02.2025;300;;;;;РН-18;',
    'C-3;04.02.2025;400;;;;;;Петров',
    'C-2;05.02.2025;500;;Чай;;;;',
    'C-3;06.02.2025;600;;;;1,5;;',
  ]);
  const result = (await world.call('import.run', {
    path: file,
    target: 'sales',
    mapping: {
      Код: 'externalId',
      Дата: 'date',
      Сумма: 'amount',
      Наценка: 'margin',
      Категория: 'category',
      Товар: 'product',
      'Кол-во': 'quantity',
      Документ: 'docNo',
      Менеджер: 'manager',
    },
    onDuplicate: 'update',
    onInvalid: 'skip',
  })) as { inserted: number; invalid: number };
  expect(result).toMatchObject({ inserted: 6, invalid: 0 });

  const rows = world.app.wb.sqlite
    .prepare(
      `SELECT c.external_id AS code, s.date, s.amount, s.margin, s.category, s.product, s.quantity,
              s.doc_no, m.name AS manager, s.created_at, s.updated_at, s.deleted_at
       FROM sales s JOIN clients c ON c.id = s.client_id LEFT JOIN managers m ON m.id = s.manager_id
       ORDER BY s.date`,
    )
    .all() as SaleRow[];
  const none = { margin: null, category: null, product: null, quantity: null, doc_no: null };
  expect(rows.map(({ created_at: _, updated_at: __, deleted_at: ___, ...sale }) => sale)).toEqual([
    { code: 'C-1', date: '2025-02-01', amount: 10050, ...none, manager: null },
    {
      code: 'C-1',
      date: '2025-02-02',
      amount: 20000,
      margin: 3000,
      category: 'Кофе',
      product: 'Зерно 1 кг',
      quantity: 2,
      doc_no: 'РН-17',
      manager: 'Петров',
    },
    { code: 'C-2', date: '2025-02-03', amount: 30000, ...none, doc_no: 'РН-18', manager: null },
    { code: 'C-3', date: '2025-02-04', amount: 40000, ...none, manager: 'Петров' },
    { code: 'C-2', date: '2025-02-05', amount: 50000, ...none, category: 'Чай', manager: null },
    { code: 'C-3', date: '2025-02-06', amount: 60000, ...none, quantity: 1.5, manager: null },
  ]);
  // One time for the whole run, the app's clock's; and none of them in the trash.
  const times = new Set(rows.flatMap((r) => [r.created_at, r.updated_at]));
  expect([...times]).toEqual(['2026-11-30T09:15:00.000Z']);
  expect(rows.every((r) => r.deleted_at === null)).toBe(true);
});
