/**
 * The stage ladder on a workbook of several hundred clients with varied purchase histories:
 * none, one, same-day purchases, returns (negative amounts), deleted sales, long gaps, dates
 * on the edge of the "regular" window (month ends, a leap day), stages set by hand (advocate,
 * lost, a ladder step) and by the ladder. What a user sees is pinned in a snapshot taken from
 * the ladder as it was before it moved into SQL: every client's stage and suggested stage, the
 * list's "suggested stage" filter, the moves a sales import makes and its undo, under the
 * default rules and under tighter ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

const CLIENTS = 420;
const code = (i: number) => `K-${String(i).padStart(3, '0')}`;

/** A small seeded generator (mulberry32): the same workbook on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dotted = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function isoDay(start: Date, offset: number): string {
  return new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

function write(name: string, lines: string[]): string {
  const file = path.join(world.dir, name);
  fs.writeFileSync(file, lines.join('\r\n'));
  world.app.ctx.importer.allowFile(file);
  return file;
}

const importSales = (file: string) =>
  world.call('import.run', {
    path: file,
    target: 'sales',
    mapping: { Код: 'externalId', Дата: 'date', Сумма: 'amount' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });

/** Purchase histories: [client index, ISO day, amount]. */
function histories(rand: () => number, from: string, spanDays: number): [number, string, string][] {
  const start = new Date(`${from}T00:00:00Z`);
  const rows: [number, string, string][] = [];
  for (let i = 0; i < CLIENTS; i += 1) {
    const kind = i % 7;
    // 0: none; 1: one; 2: a few; 3: many; 4: a burst then silence; 5: same-day; 6: returns.
    const count = [0, 1, 2 + Math.floor(rand() * 3), 4 + Math.floor(rand() * 10), 5, 3, 4][kind]!;
    const burst = Math.floor(rand() * spanDays);
    for (let k = 0; k < count; k += 1) {
      const offset =
        kind === 4 ? Math.min(spanDays, burst + k * 20) : Math.floor(rand() * spanDays);
      const day = isoDay(start, offset);
      const amount = kind === 6 && k % 2 === 1 ? -(100 + k) : 100 + Math.floor(rand() * 5000);
      rows.push([i, day, `${amount},00`]);
      if (kind === 5) rows.push([i, day, `${amount + 1},00`]);
    }
  }
  return rows;
}

/**
 * Clients with no other history (index 0 mod 21) whose last purchase sits on a month end or a
 * leap day, with days on either side of the window's edge.
 */
const EDGES: [number, string[]][] = [
  [0, ['2023-02-28', '2023-06-01', '2023-10-10', '2024-02-29']],
  [21, ['2023-03-01', '2023-06-01', '2023-10-10', '2024-02-29']],
  [42, ['2024-03-30', '2024-03-31', '2025-02-28', '2025-03-01', '2025-03-31']],
  [63, ['2025-02-28', '2025-03-01', '2025-03-02', '2025-03-31']],
  [84, ['2024-01-31', '2024-02-29', '2024-03-01', '2024-03-31']],
  [105, ['2025-04-30', '2025-05-30', '2025-05-31', '2025-06-01', '2025-06-30']],
];

async function everyone(): Promise<string[]> {
  const lines: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { rows, total } = await world.call('clients.list', { limit: 1000, offset });
    for (const r of rows) lines.push(`${r.name}: ${r.stage} → ${r.suggestedStage ?? '—'}`);
    if (offset + 1000 >= total) break;
  }
  return lines.sort();
}

async function filtered(): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const stage of ['first_purchase', 'repeat', 'regular', 'won_back', 'prospect']) {
    const { rows } = await world.call('clients.list', {
      filters: [{ field: 'suggestedStage', op: 'eq', value: stage }],
      limit: 1000,
    });
    result[stage] = rows.map((r) => r.name).sort();
  }
  return result;
}

async function ladderMoves(): Promise<string[]> {
  const [batch] = await world.call('history.batches', {});
  if (batch?.label !== 'stageLadder') return [];
  const names = new Map(
    (world.app.wb.sqlite.prepare('SELECT id, name FROM clients').raw().all() as string[][]).map(
      ([id, name]) => [id!, name!],
    ),
  );
  const rows = world.app.wb.sqlite
    .prepare(
      `SELECT client_id, old_value, new_value FROM changes WHERE batch_id = ? AND field = 'stage'`,
    )
    .raw()
    .all(batch.id) as string[][];
  return rows.map(([id, from, to]) => `${names.get(id!)}: ${from} → ${to}`).sort();
}

describe('the stage ladder on a workbook of varied histories', () => {
  it('gives the same stages, suggestions, moves and undo as before', async () => {
    const rand = seeded(15);
    const clientLines = ['Код;ФИО'];
    for (let i = 0; i < CLIENTS; i += 1) clientLines.push(`${code(i)};Клиент ${code(i)}`);
    await world.call('import.run', {
      path: write('clients.csv', clientLines),
      target: 'clients',
      mapping: { Код: 'externalId', ФИО: 'name' },
      onDuplicate: 'update',
      onInvalid: 'skip',
    });
    const ids = new Map(
      world.app.wb.sqlite.prepare('SELECT external_id, id FROM clients').raw().all() as [
        string,
        string,
      ][],
    );
    const id = (i: number) => ids.get(code(i))!;

    // Stages a person set: an advocate, lost clients, a ladder step picked by hand.
    for (let i = 3; i < CLIENTS; i += 11) {
      const stage = (['advocate', 'lost', 'repeat', 'first_purchase'] as const)[
        ((i / 11) % 4) | 0
      ]!;
      const lostReason = stage === 'lost' ? { lostReason: 'Цена' } : {};
      await world.call('clients.update', { id: id(i), patch: { stage, ...lostReason } });
    }

    // Three years of history, then a few sales deleted by hand.
    const first = histories(rand, '2023-01-01', 3 * 365);
    for (const [i, days] of EDGES) for (const d of days) first.push([i, d, '700,00']);
    const firstLines = [
      'Код;Дата;Сумма',
      ...first.map(([i, d, a]) => `${code(i)};${dotted(d)};${a}`),
    ];
    await importSales(write('sales-1.csv', firstLines));
    const sales = world.app.wb.sqlite
      .prepare('SELECT id FROM sales WHERE deleted_at IS NULL ORDER BY client_id, date, amount')
      .raw()
      .all() as [string][];
    for (let k = 5; k < sales.length; k += 17)
      await world.call('sales.delete', { id: sales[k]![0] });
    // Lost clients buying again: the ladder suggests "won back".
    for (let i = 3 + 11; i < CLIENTS; i += 44)
      await world.call('sales.add', { clientId: id(i), date: '2026-11-20', amount: 500 });

    expect(await everyone()).toMatchSnapshot('after the history');
    expect(await filtered()).toMatchSnapshot('suggested-stage filter after the history');

    // A further sales import: the ladder moves the clients no person set.
    const second = histories(rand, '2025-12-01', 360).filter(([i]) => i % 3 !== 0);
    const result = await importSales(
      write('sales-2.csv', [
        'Код;Дата;Сумма',
        ...second.map(([i, d, a]) => `${code(i)};${dotted(d)};${a}`),
      ]),
    );
    expect(await ladderMoves()).toMatchSnapshot('moves of the second import');
    expect(await everyone()).toMatchSnapshot('after the second import');

    await world.call('history.undoBatch', { batchId: result.batchId! });
    expect(await ladderMoves()).toMatchSnapshot('moves of the undo');
    expect(await everyone()).toMatchSnapshot('after the undo');

    // Tighter rules: three purchase days within one month make a regular.
    await world.call('stageRules.set', { regularDays: 3, regularMonths: 1 });
    expect(await everyone()).toMatchSnapshot('under tighter rules');
    expect(await filtered()).toMatchSnapshot('suggested-stage filter under tighter rules');

    const bulk = await world.call('clients.bulk', {
      ids: [...ids.values()],
      action: { type: 'applySuggestedStage' },
    });
    expect(bulk.affected).toBeGreaterThan(0);
    expect(await everyone()).toMatchSnapshot('after applying every suggestion');
  });
});
