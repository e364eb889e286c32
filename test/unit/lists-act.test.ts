/**
 * "Act on any list" (issue 17): `lists.act` on an analytics drill-down resolves to the same
 * clients `analytics.drill` shows (all of them, no limit), win-back to every lost client; a
 * reminder for each (spread over days, across managers), a touch for each, an export, the bulk
 * edits and a campaign that remembers its drill-down — each one batch, undone whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spreadSlot } from '../../db/queries/list-actions';
import { addDays } from '../../kernel/local-date';
import { makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

// The world's clock starts on 12 November 2026.
const TODAY = '2026-11-12';
const ago = (days: number) => addDays(TODAY, -days);

async function buyer(
  name: string,
  plan: { every: number; lastDaysAgo: number; count: number; amount: number },
  extra: Record<string, unknown> = {},
): Promise<string> {
  const { id } = await world.call('clients.create', { name, ...extra });
  for (let i = 0; i < plan.count; i++) {
    await world.call('sales.add', {
      clientId: id,
      date: ago(plan.lastDaysAgo + plan.every * i),
      amount: plan.amount * 100,
    });
  }
  return id;
}

/** Three clients slipping away, one on time, one lost. */
async function seeded(locale: 'ru' | 'en' = 'ru') {
  world = makeWorld({ locale });
  const slipping = [
    await buyer('Аркадий', { every: 30, lastDaysAgo: 100, count: 12, amount: 50_000 }),
    await buyer('Вера', { every: 20, lastDaysAgo: 90, count: 6, amount: 20_000 }),
    await buyer('Галина', { every: 30, lastDaysAgo: 120, count: 5, amount: 10_000 }),
  ];
  const steady = await buyer('Борис', { every: 30, lastDaysAgo: 10, count: 12, amount: 1_000 });
  const lost = await buyer(
    'Дмитрий',
    { every: 30, lastDaysAgo: 200, count: 3, amount: 5_000 },
    { stage: 'lost', lostReason: 'Цена' },
  );
  return { slipping, steady, lost };
}

const drill = { kind: 'slipping', key: '', asOf: TODAY } as const;

describe('lists.act on a drill-down', () => {
  it('reaches exactly the clients analytics.drill shows, beyond its limit, and win-back the lost', async () => {
    const { slipping, steady, lost } = await seeded();
    const shown = await world.call('analytics.drill', { ...drill, limit: 1 });
    // The drill-down shows one row; the action reaches every client behind the figure.
    expect(shown.rows).toHaveLength(1);
    expect(shown.total).toBe(3);
    const all = await world.call('analytics.drill', drill);
    expect(new Set(all.rows.map((r) => r.clientId))).toEqual(new Set(slipping));

    // A matrix cell: the same clients, in the same order, as its drill-down.
    const cell = `${all.rows[0]!.abc}${all.rows[0]!.xyz}`;
    const matrix = { kind: 'matrix', key: cell, asOf: TODAY } as const;
    const inCell = (await world.call('analytics.drill', matrix)).rows.map((r) => r.clientId);
    const exported = await world.call('lists.act', {
      drill: matrix,
      action: { type: 'export', format: 'csv', columns: [{ key: 'id', label: 'id' }] },
    });
    const text = Buffer.from(exported.file!.base64, 'base64').toString('utf8');
    expect(
      text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/)
        .slice(1),
    ).toEqual(inCell);

    const tagged = await world.call('lists.act', {
      drill,
      action: { type: 'addTag', tag: 'уходят' },
    });
    expect(tagged).toMatchObject({ affected: 3, campaignId: null });
    const withTag = await world.call('clients.list', {
      filters: [{ field: 'tags', op: 'eq', value: 'уходят' }],
    });
    expect(new Set(withTag.rows.map((r) => r.id))).toEqual(new Set(slipping));
    expect(withTag.rows.map((r) => r.id)).not.toContain(steady);

    await world.call('history.undoBatch', { batchId: tagged.batchId! });
    const after = await world.call('clients.list', {
      filters: [{ field: 'tags', op: 'eq', value: 'уходят' }],
    });
    expect(after.total).toBe(0);

    const winBack = await world.call('lists.act', {
      drill: { kind: 'winBack', key: '' },
      action: { type: 'setStage', stage: 'prospect' },
    });
    expect(winBack.affected).toBe(1);
    expect((await world.call('clients.get', { id: lost })).stage).toBe('prospect');
  });

  it('refuses two audiences at once, in both languages', async () => {
    world = makeWorld({ locale: 'en' });
    const { id } = await world.call('clients.create', { name: 'Anna' });
    const envelope = await world.send('lists.act', {
      ids: [id],
      drill,
      action: { type: 'addTag', tag: 'x' },
    });
    expect(envelope.ok).toBe(false);
    const wrongKind = await world.send('lists.act', {
      drill: { kind: 'nowhere', key: '' },
      action: { type: 'addTag', tag: 'x' },
    });
    expect(wrongKind.ok).toBe(false);
    const badKey = await world.send('lists.act', {
      drill: { kind: 'matrix', key: 'QQ', asOf: TODAY },
      action: { type: 'addTag', tag: 'x' },
    });
    expect(badKey).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('a reminder for each', () => {
  it('spreads the days evenly and the managers in turn', () => {
    const slots = Array.from({ length: 7 }, (_, i) => spreadSlot(i, 7, 3, 2));
    expect(slots.map((s) => s.day)).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect(slots.map((s) => s.manager)).toEqual([0, 1, 0, 1, 0, 1, 0]);
    // More days than clients: one a day from the first, some days left free.
    expect([0, 1].map((i) => spreadSlot(i, 2, 5, 0).day)).toEqual([0, 2]);
  });

  it('creates them in one batch over N days across managers, shown in Today, and undoes them', async () => {
    const { slipping } = await seeded('ru');
    const anna = await world.call('managers.add', { name: 'Анна' });
    const oleg = await world.call('managers.add', { name: 'Олег' });
    const batchesBefore = world.count('batches');
    const done = await world.call('lists.act', {
      drill,
      action: {
        type: 'remind',
        title: 'Позвонить',
        days: 2,
        managerIds: [anna.id, oleg.id],
      },
    });
    expect(done).toMatchObject({ affected: 3, campaignId: null });
    expect(world.count('batches')).toBe(batchesBefore + 1);
    const order = (await world.call('analytics.drill', drill)).rows.map((r) => r.clientId);
    const made = [];
    for (const clientId of order) {
      const list = await world.call('reminders.list', { clientId });
      expect(list).toHaveLength(1);
      made.push([list[0]!.title, list[0]!.dueDate]);
    }
    expect(made).toEqual([
      ['Позвонить — Анна', TODAY],
      ['Позвонить — Олег', TODAY],
      ['Позвонить — Анна', addDays(TODAY, 1)],
    ]);
    const agenda = await world.call('reminders.agenda', { date: TODAY });
    const agendaText = JSON.stringify(agenda);
    for (const id of slipping) expect(agendaText).toContain(id);

    const undone = await world.call('history.undoBatch', { batchId: done.batchId! });
    expect(undone.reverted).toBe(3);
    for (const clientId of slipping) {
      expect(await world.call('reminders.list', { clientId })).toEqual([]);
    }
  });

  it('refuses a manager that does not exist, writing nothing', async () => {
    const { slipping } = await seeded('en');
    const envelope = await world.send('lists.act', {
      ids: slipping,
      action: {
        type: 'remind',
        title: 'Call',
        days: 1,
        managerIds: ['0190a0a0-0000-7000-8000-000000000000'],
      },
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(world.count('reminders')).toBe(0);
  });
});

describe('a touch for each', () => {
  it('logs a comment of the kind with its touch tag on every card, and undoes them', async () => {
    const { slipping, steady } = await seeded('en');
    const done = await world.call('lists.act', {
      drill,
      action: { type: 'touch', kind: 'offer', touch: 'offer', body: 'Autumn offer sent' },
    });
    expect(done.affected).toBe(3);
    for (const clientId of slipping) {
      const feed = await world.call('comments.list', { clientId });
      expect(feed).toMatchObject([{ kind: 'offer', touch: 'offer', body: 'Autumn offer sent' }]);
    }
    expect(await world.call('comments.list', { clientId: steady })).toEqual([]);
    // The touch is found by the list's search like any comment.
    const found = await world.call('clients.list', { query: 'Autumn offer' });
    expect(found.total).toBe(3);

    await world.call('history.undoBatch', { batchId: done.batchId! });
    for (const clientId of slipping) {
      expect(await world.call('comments.list', { clientId })).toEqual([]);
    }
    expect((await world.call('clients.list', { query: 'Autumn offer' })).total).toBe(0);
  });
});

describe('export and campaign from a drill-down', () => {
  it('exports the list behind the figure as CSV', async () => {
    await seeded('ru');
    const done = await world.call('lists.act', {
      drill,
      action: {
        type: 'export',
        format: 'csv',
        columns: [
          { key: 'name', label: 'Имя' },
          { key: 'stage', label: 'Этап' },
        ],
      },
    });
    expect(done.affected).toBe(3);
    const text = Buffer.from(done.file!.base64, 'base64').toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Имя;Этап');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(';')[0])
        .sort(),
    ).toEqual(['Аркадий', 'Вера', 'Галина']);
  });

  it('starts a campaign with the drill-down frozen as its audience, remembering where it came from', async () => {
    const { slipping } = await seeded('ru');
    const started = await world.call('lists.act', {
      drill,
      action: {
        type: 'campaign',
        name: 'Уходящие',
        goal: 'reactivate',
        action: 'call',
        dueDays: 14,
        holdoutPct: 0,
      },
    });
    expect(started).toMatchObject({ affected: 3, batchId: null });
    const campaign = await world.call('campaigns.get', { id: started.campaignId! });
    expect(campaign.drill).toEqual({ kind: 'slipping', key: '', asOf: TODAY });
    expect(campaign.filter).toEqual({});
    expect(new Set(campaign.members.map((m) => m.clientId))).toEqual(new Set(slipping));
    // Frozen: a new client slipping away later does not join it.
    await buyer('Елена', { every: 30, lastDaysAgo: 100, count: 6, amount: 1_000 });
    expect((await world.call('analytics.drill', drill)).total).toBe(4);
    expect((await world.call('campaigns.get', { id: campaign.id })).members).toHaveLength(3);
  });

  it('previews the template for the first clients of the drill-down, and keeps a drill-down campaign frozen', async () => {
    const { slipping } = await seeded('ru');
    const preview = await world.call('campaigns.preview', {
      drill,
      template: 'Здравствуйте, {имя}!',
      limit: 2,
    });
    const order = (await world.call('analytics.drill', drill)).rows.map((r) => r.clientId);
    expect(preview.map((m) => m.clientId)).toEqual(order.slice(0, 2));
    expect(new Set(order)).toEqual(new Set(slipping));
    expect(preview[0]!.text).toMatch(/^Здравствуйте, [А-Я][а-я]+!$/);
    // Only a filter can be re-read later: a recurring campaign from a drill-down is refused.
    const refused = await world.send('lists.act', {
      drill,
      action: {
        type: 'campaign',
        name: 'Уходящие',
        goal: 'reactivate',
        action: 'call',
        dueDays: 14,
        recurring: true,
      },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await world.call('campaigns.list', {})).toHaveLength(0);
  });
});
