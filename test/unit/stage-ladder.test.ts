/**
 * Stages follow sales: prospect → first purchase → repeat → regular, moved when sales are
 * written unless a person set the stage; the ladder's stage is suggested otherwise, applied in
 * bulk, and its rules live in Settings. Through the real dispatch on a real workbook.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/api/contract';
import { stageChangesSql } from '../../db/queries/stage-ladder';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

const create = (overrides: Record<string, unknown>) =>
  world.call('clients.create', makeClient(overrides));

async function stages(): Promise<Record<string, string>> {
  const { rows } = await world.call('clients.list', { limit: 100 });
  return Object.fromEntries(rows.map((r) => [r.name, r.stage]));
}

async function suggestions(): Promise<Record<string, string | null>> {
  const { rows } = await world.call('clients.list', { limit: 100 });
  return Object.fromEntries(rows.map((r) => [r.name, r.suggestedStage]));
}

/** Sales rows `code;dd.mm.yyyy;amount` for the given ISO dates. */
const salesOf = (code: string, dates: string[]) =>
  dates.map((d) => `${code};${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)};1 500,00`);

async function importFile(name: string, lines: string[], target: 'clients' | 'sales') {
  const file = path.join(world.dir, name);
  fs.writeFileSync(file, lines.join('\r\n'));
  world.app.ctx.importer.allowFile(file);
  const mapping: Record<string, string> =
    target === 'clients'
      ? { 'Код клиента': 'externalId', ФИО: 'name' }
      : { 'Код клиента': 'externalId', Дата: 'date', Сумма: 'amount' };
  return world.call('import.run', {
    path: file,
    target,
    mapping,
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
}

describe('the stage ladder', () => {
  it('suggests on a page of the list from the rows it read, and nothing for a client in the trash', async () => {
    await importFile(
      'clients.csv',
      ['Код клиента;ФИО', 'К-1;Вручную', 'К-2;В корзине', 'К-3;Без покупок'],
      'clients',
    );
    const byName = new Map((await world.call('clients.list', {})).rows.map((r) => [r.name, r]));
    for (const name of ['Вручную', 'В корзине']) {
      await world.call('clients.update', { id: byName.get(name)!.id, patch: { stage: 'repeat' } });
    }
    const regular = ['2026-01-15', '2026-03-10', '2026-06-01', '2026-09-20', '2026-11-01'];
    await importFile(
      'sales.csv',
      ['Код клиента;Дата;Сумма', ...salesOf('К-1', regular), ...salesOf('К-2', regular)],
      'sales',
    );
    expect(await suggestions()).toEqual({
      Вручную: 'regular',
      'В корзине': 'regular',
      'Без покупок': null,
    });
    const trashed = byName.get('В корзине')!.id;
    await world.call('clients.delete', { id: trashed });
    const trash = await world.call('clients.list', { trash: true });
    expect(trash.rows.map((r) => [r.name, r.suggestedStage])).toEqual([['В корзине', null]]);
    expect((await world.call('clients.get', { id: trashed })).suggestedStage).toBeNull();
    expect(await suggestions()).toEqual({ Вручную: 'regular', 'Без покупок': null });
    // A page's latest stage changes come from their own index, not from every change's row.
    const plan = world.app.wb.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN ${stageChangesSql('ch.client_id IN (SELECT value FROM json_each(?))')}`,
      )
      .all('[]') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain(
      'USING COVERING INDEX changes_client_stage_idx',
    );
  });

  it('moves stages along the ladder after a three-year sales import, leaving hand-set ones', async () => {
    await importFile(
      'clients.csv',
      [
        'Код клиента;ФИО',
        'К-1;Без покупок',
        'К-2;Одна покупка',
        'К-3;Две покупки',
        'К-4;Редкий',
        'К-5;Постоянный',
        'К-6;Амбассадор',
        'К-7;Вручную',
        'К-8;Ушедший',
      ],
      'clients',
    );
    const byName = new Map((await world.call('clients.list', {})).rows.map((r) => [r.name, r]));
    // Stages a person set before the sales came: these stay as they are.
    await world.call('clients.update', {
      id: byName.get('Амбассадор')!.id,
      patch: { stage: 'advocate' },
    });
    await world.call('clients.update', {
      id: byName.get('Вручную')!.id,
      patch: { stage: 'repeat' },
    });
    await world.call('clients.update', {
      id: byName.get('Ушедший')!.id,
      patch: { stage: 'lost', lostReason: 'Цена' },
    });
    // Marked lost in January 2025 (the test clock stands in November 2026).
    world.app.wb.sqlite
      .prepare(
        "UPDATE changes SET at = '2025-01-10T10:00:00.000Z' WHERE client_id = ? AND field = 'stage'",
      )
      .run(byName.get('Ушедший')!.id);
    const regular = ['2026-01-15', '2026-03-10', '2026-06-01', '2026-09-20', '2026-11-01'];
    const result = await importFile(
      'sales.csv',
      [
        'Код клиента;Дата;Сумма',
        ...salesOf('К-2', ['2024-05-06']),
        // Two purchases the same day are one purchase day.
        ...salesOf('К-3', ['2023-12-01', '2024-12-01', '2024-12-01']),
        // Five purchase days over three years: never four within a year.
        ...salesOf('К-4', ['2023-12-01', '2024-07-01', '2025-02-01', '2025-09-01', '2026-04-01']),
        ...salesOf('К-5', regular),
        ...salesOf('К-6', regular),
        ...salesOf('К-7', regular),
        ...salesOf('К-8', ['2026-11-11']),
      ],
      'sales',
    );
    expect(result.errors).toEqual([]);
    expect(await stages()).toEqual({
      'Без покупок': 'prospect',
      'Одна покупка': 'first_purchase',
      'Две покупки': 'repeat',
      Редкий: 'repeat',
      Постоянный: 'regular',
      Амбассадор: 'advocate',
      Вручную: 'repeat',
      Ушедший: 'lost',
    });
    // Where the ladder did not move a hand-set stage, it suggests.
    expect(await suggestions()).toMatchObject({
      Постоянный: null,
      Амбассадор: null,
      Вручную: 'regular',
      Ушедший: 'won_back',
    });

    // The moves are one batch of their own in the journal, and in the card's history.
    const [ladder] = await world.call('history.batches', {});
    expect(ladder).toMatchObject({ kind: 'bulk', label: 'stageLadder', clients: 4, changes: 4 });
    const history = await world.call('history.list', { clientId: byName.get('Постоянный')!.id });
    expect(history[0]).toMatchObject({
      field: 'stage',
      oldValue: 'prospect',
      newValue: 'regular',
      batchKind: 'bulk',
      batchLabel: 'stageLadder',
    });

    // Undoing the sales import takes the ladder's stages back down; hand-set ones stay.
    await world.call('history.undoBatch', { batchId: result.batchId! });
    expect(await stages()).toMatchObject({
      'Одна покупка': 'prospect',
      Постоянный: 'prospect',
      Вручную: 'repeat',
      Амбассадор: 'advocate',
    });
  });

  it('moves thousands of clients at once, reading whole tables instead of an index per client', async () => {
    const n = 2_600; // 2,080 of them buy: more than the index path takes
    const codes = Array.from({ length: n }, (_, i) => `М-${i}`);
    await importFile(
      'many.csv',
      ['Код клиента;ФИО', ...codes.map((c, i) => `${c};Клиент ${i}`)],
      'clients',
    );
    // Client i buys on i % 5 distinct days (none, one, two, three, four), all within a year.
    const days = ['2026-01-10', '2026-03-10', '2026-05-10', '2026-07-10'];
    const rows = codes.flatMap((c, i) => salesOf(c, days.slice(0, i % 5)));
    const result = await importFile('many-sales.csv', ['Код клиента;Дата;Сумма', ...rows], 'sales');
    expect(result.inserted).toBe(rows.length);
    const counts = world.app.wb.sqlite
      .prepare('SELECT stage, count(*) AS n FROM clients GROUP BY stage ORDER BY stage')
      .all();
    expect(counts).toEqual([
      { stage: 'first_purchase', n: n / 5 },
      { stage: 'prospect', n: n / 5 },
      { stage: 'regular', n: n / 5 },
      { stage: 'repeat', n: (2 * n) / 5 },
    ]);
    // Every client's latest stage change comes from its own index, the batch looked up by id.
    // With the statistics `optimize` gathered on a workbook after an import of a million sales
    // (five batches, half a million changes), a plain join made the batches the outer loop and
    // read each one's every change from the table: three times the time.
    const db = world.app.wb.sqlite;
    db.exec('ANALYZE');
    db.exec(`DELETE FROM sqlite_stat1 WHERE tbl IN ('changes', 'batches');
      INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
        ('changes', 'changes_client_idx', '545215 38 8'),
        ('changes', 'changes_client_stage_idx', '156810 2 1 1 1 1'),
        ('changes', 'changes_batch_idx', '545215 1001'),
        ('changes', 'sqlite_autoindex_changes_1', '545215 1'),
        ('batches', 'sqlite_autoindex_batches_1', '5 1');
      ANALYZE sqlite_schema;`);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${stageChangesSql('1')}`).all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail)).toEqual([
      'SCAN ch USING COVERING INDEX changes_client_stage_idx',
      'SEARCH b USING INDEX sqlite_autoindex_batches_1 (id=?)',
    ]);
  });

  it('follows sales added, changed and deleted on the card, unless a person set the stage', async () => {
    const ladder = await create({ name: 'По лестнице' });
    const hand = await create({ name: 'Вручную', stage: 'first_purchase' });
    const first = await world.call('sales.add', {
      clientId: ladder.id,
      date: '2026-10-01',
      amount: 1000,
    });
    expect((await stages())['По лестнице']).toBe('first_purchase');
    const second = await world.call('sales.add', {
      clientId: ladder.id,
      date: '2026-10-05',
      amount: 1000,
    });
    expect((await stages())['По лестнице']).toBe('repeat');
    // Moved onto the same day: one purchase day again.
    await world.call('sales.update', { id: second.id, patch: { date: '2026-10-01' } });
    expect((await stages())['По лестнице']).toBe('first_purchase');
    await world.call('sales.delete', { id: second.id });
    await world.call('sales.delete', { id: first.id });
    expect((await stages())['По лестнице']).toBe('prospect');

    for (const date of ['2026-01-10', '2026-02-10']) {
      await world.call('sales.add', { clientId: hand.id, date, amount: 1000 });
    }
    expect((await stages())['Вручную']).toBe('first_purchase');
    expect((await suggestions())['Вручную']).toBe('repeat');
  });

  it('keeps its rules in Settings: off stops the moves, regular needs N days in M months', async () => {
    expect(await world.call('stageRules.get', {})).toEqual({
      auto: true,
      regularDays: 4,
      regularMonths: 12,
    });
    const refused = await world.send('stageRules.set', { regularDays: 2 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    await world.call('stageRules.set', { auto: false });
    const client = await create({ name: 'Без правил' });
    for (const date of ['2026-09-01', '2026-10-01', '2026-11-01']) {
      await world.call('sales.add', { clientId: client.id, date, amount: 1000 });
    }
    expect((await stages())['Без правил']).toBe('prospect');
    expect((await suggestions())['Без правил']).toBe('repeat');

    await world.call('stageRules.set', { auto: true, regularDays: 3, regularMonths: 6 });
    await world.call('sales.add', { clientId: client.id, date: '2026-11-02', amount: 1000 });
    expect((await stages())['Без правил']).toBe('regular');
  });

  it('applies suggested stages in bulk, hand-set ones included, as one undoable batch', async () => {
    const hand = await create({ name: 'Вручную', stage: 'prospect' });
    await world.call('clients.update', { id: hand.id, patch: { stage: 'first_purchase' } });
    const lost = await create({ name: 'Ушедший', stage: 'lost', lostReason: 'Цена' });
    const quiet = await create({ name: 'Без продаж', stage: 'regular' });
    for (const date of ['2026-06-01', '2026-07-01']) {
      await world.call('sales.add', { clientId: hand.id, date, amount: 1000 });
    }
    await world.call('sales.add', { clientId: lost.id, date: '2026-12-01', amount: 1000 });

    const suggested = await world.call('clients.list', {
      filters: [{ field: 'suggestedStage', op: 'notEmpty' }],
    });
    expect(suggested.rows.map((r) => [r.name, r.suggestedStage])).toEqual([
      ['Вручную', 'repeat'],
      ['Ушедший', 'won_back'],
    ]);
    const exported = await world.call('export.clients', {
      query: { filters: [{ field: 'suggestedStage', op: 'eq', value: 'won_back' }] },
      columns: [
        { key: 'name', label: 'Клиент' },
        { key: 'suggestedStage', label: 'Стадия по продажам' },
      ],
      format: 'csv',
    });
    expect(Buffer.from(exported.base64, 'base64').toString('utf8')).toContain('Ушедший;Возвращён');
    const bulk = await world.call('clients.bulk', {
      ids: [hand.id, lost.id, quiet.id],
      action: { type: 'applySuggestedStage' },
    });
    expect(bulk.affected).toBe(2);
    // The list's filter reads the workbook as it is now, not as it was before the bulk action.
    const after = await world.call('clients.list', {
      filters: [{ field: 'suggestedStage', op: 'notEmpty' }],
    });
    expect(after.total).toBe(0);
    expect(await stages()).toMatchObject({
      Вручную: 'repeat',
      Ушедший: 'won_back',
      'Без продаж': 'regular',
    });
    const [batch] = await world.call('history.batches', {});
    expect(batch).toMatchObject({ kind: 'bulk', label: 'applySuggestedStage', clients: 2 });

    // Applied from the ladder, the stage follows sales again.
    await world.call('sales.add', { clientId: hand.id, date: '2026-08-01', amount: 1000 });
    await world.call('sales.add', { clientId: hand.id, date: '2026-09-01', amount: 1000 });
    expect((await stages())['Вручную']).toBe('regular');

    const undo = await world.call('history.undoBatch', { batchId: bulk.batchId });
    expect(undo).toMatchObject({ reverted: 1, skipped: 1 });
    expect((await stages())['Ушедший']).toBe('lost');
  });

  it('shows the card the stage its sales suggest', async () => {
    const client: Client = await create({ name: 'Карточка' });
    await world.call('stageRules.set', { auto: false });
    await world.call('sales.add', { clientId: client.id, date: '2026-10-01', amount: 1000 });
    expect((await world.call('clients.get', { id: client.id })).suggestedStage).toBe(
      'first_purchase',
    );
  });
});
