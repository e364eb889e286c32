/**
 * Working through a campaign (issue 17): marking contacts (a control member is left alone), the
 * touch logged on the card, the refusals in both languages, and `lists.act` on a selection or
 * a filter result.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../electron/api/contract';
import { makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

async function started(locale: 'ru' | 'en', action: 'call' | 'offer' = 'call') {
  world = makeWorld({ locale });
  const ids: string[] = [];
  for (const name of ['Анна', 'Борис', 'Вера', 'Глеб', 'Дина']) {
    ids.push((await world.call('clients.create', { name })).id);
  }
  const campaign = await world.call('campaigns.create', {
    name: 'Весна',
    goal: 'reactivate',
    action,
    dueDays: 7,
    holdoutPct: 40,
    seed: 'marks',
    ids,
  });
  const { members } = await world.call('campaigns.get', { id: campaign.id });
  const contact = members.filter((m) => m.group === 'contact').map((m) => m.clientId);
  const control = members.filter((m) => m.group === 'control').map((m) => m.clientId);
  return { id: campaign.id, contact, control };
}

async function refusal(channel: string, input: unknown): Promise<ApiErrorBody> {
  const envelope = await world.send(channel, input);
  if (envelope.ok) throw new Error(`${channel} was not refused`);
  return envelope.error;
}

describe('campaigns.mark', () => {
  it('marks a contact done with its outcome, logs the call on the card once, and starts its window', async () => {
    const { id, contact } = await started('ru');
    const clientId = contact[0]!;
    const marked = await world.call('campaigns.mark', {
      id,
      clientId,
      status: 'done',
      outcome: 'reached',
    });
    expect(marked).toMatchObject({
      clientId,
      group: 'contact',
      status: 'done',
      outcome: 'reached',
    });
    expect(marked.contactedAt).not.toBeNull();
    const calls = await world.call('comments.list', { clientId, kind: 'call' });
    expect(calls.map((c) => c.body)).toEqual(['Кампания «Весна»: дозвонились']);
    // Marked again with the same outcome: nothing new on the card, the contact moment kept.
    const again = await world.call('campaigns.mark', { id, clientId, status: 'done' });
    expect(again.contactedAt).toBe(marked.contactedAt);
    expect(again.outcome).toBe('reached');
    expect(await world.call('comments.list', { clientId })).toHaveLength(1);
    const list = await world.call('campaigns.list', {});
    expect(list).toMatchObject([{ id, contactCount: 3, controlCount: 2, doneCount: 1 }]);
    // Back to pending: no contact moment, no outcome.
    const undone = await world.call('campaigns.mark', {
      id,
      clientId,
      status: 'pending',
      outcome: null,
    });
    expect(undone).toMatchObject({ status: 'pending', contactedAt: null });
    expect(undone.outcome).toBeUndefined();
  });

  it('logs an offer as an offer with its touch tag, in English', async () => {
    const { id, contact } = await started('en', 'offer');
    await world.call('campaigns.mark', {
      id,
      clientId: contact[1]!,
      status: 'done',
      outcome: 'agreed',
    });
    const [comment] = await world.call('comments.list', { clientId: contact[1]! });
    expect(comment).toMatchObject({
      kind: 'offer',
      touch: 'offer',
      body: 'Campaign "Весна": agreed',
    });
  });

  it.each([
    ['en', 'This client is in the control group: it is left alone'],
    ['ru', 'Этот клиент в контрольной группе: его не трогают'],
  ] as const)('refuses to mark a control member (%s), and writes nothing', async (locale, text) => {
    const { id, control } = await started(locale);
    const error = await refusal('campaigns.mark', {
      id,
      clientId: control[0],
      status: 'done',
      outcome: 'reached',
    });
    expect(error).toMatchObject({ code: 'conflict', field: 'clientId' });
    expect(error.message).toContain(text);
    const { members } = await world.call('campaigns.get', { id });
    expect(members.find((m) => m.clientId === control[0])).toMatchObject({ status: 'pending' });
    expect(await world.call('comments.list', { clientId: control[0]! })).toEqual([]);
  });

  it.each([
    ['en', 'Must be at most 50.', 'No clients match', 'Campaign not found'],
    ['ru', 'Не больше 50.', 'Подходящих клиентов нет', 'Кампания не найдена'],
  ] as const)('explains bad input in %s', async (locale, tooBig, empty, missing) => {
    const { id, contact } = await started(locale);
    const base = { name: 'X', goal: 'birthday', action: 'message', dueDays: 3 } as const;
    const share = await refusal('campaigns.create', { ...base, filter: {}, holdoutPct: 80 });
    expect(share).toMatchObject({ code: 'invalid_input' });
    expect(share.issues).toEqual([{ path: 'holdoutPct', message: tooBig }]);
    const nobody = await refusal('campaigns.create', {
      ...base,
      filter: { query: 'Нет такого' },
    });
    expect(nobody).toMatchObject({ code: 'invalid_input', field: 'filter' });
    expect(nobody.message).toContain(empty);
    const gone = await refusal('campaigns.report', { id: contact[0], windowDays: 30 });
    expect(gone).toMatchObject({ code: 'not_found' });
    expect(gone.message).toContain(missing);
    const outcomeEarly = await refusal('campaigns.mark', {
      id,
      clientId: contact[0],
      status: 'skipped',
      outcome: 'refused',
    });
    expect(outcomeEarly).toMatchObject({ code: 'invalid_input', field: 'outcome' });
    expect(world.count('campaigns')).toBe(1);
  });
});

describe('lists.act', () => {
  it('runs a bulk edit on a filter result as one undoable batch, and starts a campaign from a selection', async () => {
    world = makeWorld({ locale: 'en' });
    const ids: string[] = [];
    for (const name of ['Anna Lee', 'Anna Park', 'Boris']) {
      ids.push((await world.call('clients.create', { name })).id);
    }
    const staged = await world.call('lists.act', {
      filter: { query: 'Anna' },
      action: { type: 'setStage', stage: 'regular' },
    });
    expect(staged).toMatchObject({ affected: 2, campaignId: null });
    const stages = async () =>
      (await world.call('clients.list', {})).rows.map((r) => [r.name, r.stage]);
    expect(await stages()).toEqual([
      ['Anna Lee', 'regular'],
      ['Anna Park', 'regular'],
      ['Boris', 'prospect'],
    ]);
    await world.call('history.undoBatch', { batchId: staged.batchId! });
    expect((await stages()).map(([, s]) => s)).toEqual(['prospect', 'prospect', 'prospect']);

    const started = await world.call('lists.act', {
      ids: [ids[0]!, ids[2]!],
      action: {
        type: 'campaign',
        name: 'Win back',
        goal: 'win_back',
        action: 'call',
        dueDays: 10,
        holdoutPct: 50,
      },
    });
    expect(started).toMatchObject({ batchId: null, affected: 2 });
    const campaign = await world.call('campaigns.get', { id: started.campaignId! });
    expect(campaign.members.map((m) => m.name)).toEqual(['Anna Lee', 'Boris']);
    expect(campaign.members.filter((m) => m.group === 'control')).toHaveLength(1);
  });
});
