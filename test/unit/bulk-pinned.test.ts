/**
 * Every bulk action and its undo, pinned: the clients' rows, their custom values, the history
 * (batches and change rows) and the search hits after each step are compared with a snapshot
 * taken from the row-by-row implementation, so the set-based one must give exactly the same.
 * The clock stands still within a call and the ids come from a counter, so the snapshot is
 * stable; ids are shown as client names and batch numbers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BulkAction, ChannelName, InputOf, OutputOf } from '../../electron/api/contract';
import { makeWorld, type World } from '../helpers/world';

let world: World;
let clock = Date.parse('2026-11-12T09:00:00.000Z');
let ids = 0;
beforeEach(() => {
  clock = Date.parse('2026-11-12T09:00:00.000Z');
  ids = 0;
  world = makeWorld({
    now: () => new Date(clock),
    newId: () => `id-${String((ids += 1)).padStart(6, '0')}`,
  });
});
afterEach(() => world.dispose());

/** Moves the clock on a minute before each call, so every step has its own time. */
async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  clock += 60_000;
  return world.call(channel, input);
}

const NAMES = ['Альфа', 'Бета', 'Гамма', 'Дельта', 'Эпсилон', 'Зета', 'Эта', 'Тета'];

/** Eight clients in varied states: tags, custom values, sales, a lost one, one in the trash. */
async function seed() {
  const [petrov, ivanova] = [
    await call('managers.add', { name: 'Петров' }),
    await call('managers.add', { name: 'Иванова' }),
  ];
  await call('fields.define', { key: 'inn', label: 'ИНН', type: 'text' });
  await call('fields.define', {
    key: 'segment',
    label: 'Сегмент',
    type: 'choice',
    options: ['эконом', 'премиум'],
  });
  await call('fields.define', { key: 'area', label: 'Площадь', type: 'number' });
  const stages = ['prospect', 'regular', 'first_purchase', 'lost', 'repeat', 'prospect'] as const;
  const clients = [];
  for (const [i, name] of NAMES.entries()) {
    const stage = stages[i % stages.length]!;
    clients.push(
      await call('clients.create', {
        name,
        phone: `+7 912 000-00-0${i}`,
        stage,
        ...(stage === 'lost' ? { lostReason: 'Цена' } : {}),
        ...(i % 3 === 0 ? { tags: ['опт'] } : i % 3 === 1 ? { tags: ['vip', 'розница'] } : {}),
        ...(i % 2 === 0 ? { managerId: petrov.id } : {}),
        custom: i % 2 === 0 ? { inn: `77${i}`, segment: 'эконом', area: i * 10 } : {},
      }),
    );
  }
  for (const [i, client] of clients.entries()) {
    for (let s = 0; s < i % 4; s++) {
      await call('sales.add', { clientId: client.id, date: `2026-0${s + 3}-15`, amount: 1000 });
    }
  }
  await call('comments.add', { clientId: clients[2]!.id, kind: 'call', body: 'обсудили сезон' });
  await call('clients.delete', { id: clients[7]!.id });
  seededAt = new Date(clock).toISOString();
  return { clients, petrov: petrov, ivanova: ivanova };
}

/** The end of the seed: the history before it is the same in every test and is left out. */
let seededAt = '';

/** What a user can see of the workbook, with ids shown as names and batch numbers. */
function dump() {
  const db = world.app.wb.sqlite;
  const name = new Map(
    (db.prepare('SELECT id, name FROM clients').raw().all() as [string, string][]).map(
      ([id, n]) => [id, n] as const,
    ),
  );
  const batchIds = db.prepare('SELECT id FROM batches ORDER BY created_at, id').pluck().all();
  const batch = new Map(batchIds.map((id, i) => [id, `#${i + 1}`]));
  const label = (id: unknown) => name.get(String(id)) ?? batch.get(String(id)) ?? id;
  const rows = (sql: string) =>
    (db.prepare(sql).all(seededAt) as Record<string, unknown>[]).map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, /(^id$|_id$)/.test(k) ? label(v) : v]),
      ),
    );
  return {
    // The text and the folded tags joined as the search text held them before migration 0010
    // (tags last), so the snapshot pins both against the row-by-row implementation.
    clients: rows(
      `SELECT id, name, manager_id, stage, lost_reason, tags,
         CASE WHEN tags_fold = '' THEN search_text WHEN search_text = '' THEN tags_fold
           ELSE search_text || ' ' || tags_fold END AS search_text, updated_at, deleted_at
       FROM clients WHERE ? IS NOT NULL ORDER BY name`,
    ),
    custom: rows(
      `SELECT v.client_id, d.key, v.value, v.updated_at FROM field_values v
       JOIN field_defs d ON d.id = v.field_id WHERE ? IS NOT NULL ORDER BY v.client_id, d.key`,
    ),
    batches: rows(
      `SELECT id, kind, label, actor, created_at, undone_at FROM batches WHERE created_at > ?
       ORDER BY created_at, id`,
    ).map((b) => ({ ...b, label: label(b['label']) })),
    changes: rows(
      `SELECT batch_id, entity, entity_id, client_id, field, old_value, new_value, actor, at
       FROM changes WHERE at > ? ORDER BY at, batch_id, entity_id, field, new_value`,
    ),
  };
}

/** The names the search box finds for a few words, through the real list channel. */
async function hits() {
  const found: Record<string, string[]> = {};
  for (const query of [
    'опт',
    'vip',
    'розн',
    'альфа',
    '7700',
    '772',
    'сезон',
    'премиум',
    'эконом',
  ]) {
    const list = await world.call('clients.list', { query, sort: { field: 'name', dir: 'asc' } });
    found[query] = list.rows.map((r) => r.name);
  }
  return found;
}

const ACTIONS: [string, (s: Awaited<ReturnType<typeof seed>>) => BulkAction][] = [
  ['setManager', (s) => ({ type: 'setManager', managerId: s.ivanova.id })],
  ['setManager to nobody', () => ({ type: 'setManager', managerId: null })],
  ['setStage', () => ({ type: 'setStage', stage: 'regular' })],
  ['setStage lost', () => ({ type: 'setStage', stage: 'lost', lostReason: 'Ушёл к конкурентам' })],
  ['addTag', () => ({ type: 'addTag', tag: 'опт' })],
  ['setCustom text', () => ({ type: 'setCustom', key: 'inn', value: '7700000000' })],
  ['setCustom choice', () => ({ type: 'setCustom', key: 'segment', value: 'премиум' })],
  ['setCustom cleared', () => ({ type: 'setCustom', key: 'segment', value: null })],
  ['setCustom number', () => ({ type: 'setCustom', key: 'area', value: 40 })],
  ['delete', () => ({ type: 'delete' })],
  ['applySuggestedStage', () => ({ type: 'applySuggestedStage' })],
];

describe('bulk actions and their undo, pinned', () => {
  for (const [title, action] of ACTIONS) {
    it(`${title}: the same rows, history and search hits after the action and its undo`, async () => {
      const s = await seed();
      // All but one live client, and the one in the trash: it is left alone.
      const selection = s.clients.filter((_, i) => i !== 5).map((c) => c.id);
      const bulk = await call('clients.bulk', { ids: selection, action: action(s) });
      const after = { result: bulk.affected, state: dump(), hits: await hits() };
      // A hand edit since: undo leaves that client's field alone.
      const edited = s.clients[1]!.id;
      if (title === 'delete') await call('clients.restore', { id: edited });
      else
        await call('clients.update', {
          id: edited,
          patch: {
            managerId: s.petrov.id,
            stage: 'advocate',
            tags: ['ручной'],
            custom: { inn: '1' },
          },
        });
      const undo = await call('history.undoBatch', { batchId: bulk.batchId });
      const undone = {
        result: { reverted: undo.reverted, skipped: undo.skipped },
        state: dump(),
        hits: await hits(),
      };
      expect({ after, undone }).toMatchSnapshot();
    });
  }

  it('works on a filter result as on a selection', async () => {
    await seed();
    const bulk = await call('clients.bulk', {
      filter: { filters: [{ field: 'tags', op: 'contains', value: 'опт' }] },
      action: { type: 'addTag', tag: 'сезон' },
    });
    const undo = await call('history.undoBatch', { batchId: bulk.batchId });
    expect({
      affected: bulk.affected,
      undo: [undo.reverted, undo.skipped],
      state: dump(),
      hits: await hits(),
    }).toMatchSnapshot();
  });

  it('refuses to undo a set field whole when one of its clients went to the trash since', async () => {
    const s = await seed();
    const ids = s.clients.slice(0, 4).map((c) => c.id);
    const bulk = await call('clients.bulk', {
      ids,
      action: { type: 'setCustom', key: 'segment', value: 'премиум' },
    });
    await call('clients.delete', { id: ids[1]! });
    const before = dump();
    const undo = await world.send('history.undoBatch', { batchId: bulk.batchId });
    expect(undo).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dump()).toEqual(before);
  });
});
