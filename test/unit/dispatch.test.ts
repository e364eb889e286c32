import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

/** A snapshot of everything a bad call could have touched. */
function snapshot(w: World) {
  return ['clients', 'changes', 'batches', 'settings'].map((t) => [t, w.count(t)]);
}

const BAD_CALLS: [string, string, unknown, string][] = [
  ['unknown channel', 'clients.explode', {}, 'unknown_channel'],
  ['no input at all', 'clients.create', undefined, 'invalid_input'],
  ['missing name', 'clients.create', { phone: '+7 912 345-67-89' }, 'invalid_input'],
  ['blank name', 'clients.create', { name: '   ' }, 'invalid_input'],
  ['name of the wrong type', 'clients.create', { name: 42 }, 'invalid_input'],
  ['a 1 MB name', 'clients.create', { name: 'я'.repeat(1024 * 1024) }, 'invalid_input'],
  ['a 1 MB note', 'clients.create', { name: 'A', note: 'x'.repeat(1024 * 1024) }, 'invalid_input'],
  ['an unknown field', 'clients.create', { name: 'A', favouriteColour: 'red' }, 'invalid_input'],
  ['a phone with letters', 'clients.create', { name: 'A', phone: '+7 912 ABC' }, 'invalid_input'],
  ['31 February', 'clients.create', { name: 'A', birthday: '1990-02-31' }, 'invalid_input'],
  [
    'a birthday in the future',
    'clients.create',
    { name: 'A', birthday: '2999-01-01' },
    'invalid_input',
  ],
  ['a bad email', 'clients.create', { name: 'A', email: 'not-an-email' }, 'invalid_input'],
  ['an unknown stage', 'clients.create', { name: 'A', stage: 'vip' }, 'invalid_input'],
  ['an array instead of an object', 'clients.create', [1, 2, 3], 'invalid_input'],
  ['an empty patch', 'clients.update', { id: 'x', patch: {} }, 'invalid_input'],
  ['a patch without id', 'clients.update', { patch: { name: 'B' } }, 'invalid_input'],
  ['a negative offset', 'clients.list', { offset: -1 }, 'invalid_input'],
  ['a fractional limit', 'clients.list', { limit: 2.5 }, 'invalid_input'],
  [
    'a manager that does not exist',
    'clients.create',
    { name: 'A', managerId: 'ghost' },
    'not_found',
  ],
];

describe('bad input is refused with a clear message and changes nothing', () => {
  it.each(BAD_CALLS)('%s', async (_what, channel, input, code) => {
    world = makeWorld();
    const existing = await world.call('clients.create', makeClient({ name: 'Исходный' }));
    const before = snapshot(world);
    const result = await world.send(channel, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(result.error.message.length).toBeLessThan(2000);
    expect(snapshot(world)).toEqual(before);
    expect((await world.call('clients.get', { id: existing.id })).name).toBe('Исходный');
  });

  it('a bad patch leaves the existing client exactly as it was', async () => {
    world = makeWorld();
    const client = await world.call('clients.create', makeClient({ phone: '+7 900 111-22-33' }));
    const before = snapshot(world);
    const result = await world.send('clients.update', {
      id: client.id,
      patch: { phone: 'call me', company: 'Новая' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'patch.phone' },
    });
    expect(snapshot(world)).toEqual(before);
    expect(await world.call('clients.get', { id: client.id })).toEqual(client);
  });

  it('points at the field and speaks the user language', async () => {
    world = makeWorld({ locale: 'ru' });
    const result = await world.send('clients.create', {
      name: 'A',
      phone: '+7 912 ABC',
      birthday: '2025-02-31',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe('phone');
    expect(result.error.issues).toEqual([
      { path: 'phone', message: 'В телефоне допустимы только цифры, пробелы, +, -, ( и ).' },
      { path: 'birthday', message: 'Такой даты нет (ожидается ГГГГ-ММ-ДД, например 1990-02-28).' },
    ]);
    await world.call('settings.set', { language: 'en' });
    const english = await world.send('clients.create', { name: 'A', favouriteColour: 'red' });
    expect(english).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'favouriteColour', message: 'Unknown field: favouriteColour.' }] },
    });
  });
});

describe('dispatch never throws across the boundary', () => {
  it('turns an unexpected handler failure into an internal error and logs it', async () => {
    world = makeWorld();
    const failing = createDispatch(world.app.ctx, {
      handlers: {
        ...handlers,
        'clients.list': () => {
          throw new TypeError('disk on fire');
        },
      },
      logger: { info: () => undefined, error: (m, e) => world.logged.push(`${m} ${String(e)}`) },
    });
    const result = await failing('clients.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!result.ok && result.error.message).toContain('disk on fire');
    expect(world.logged.join('\n')).toContain('disk on fire');
  });

  it('rolls back a write that fails half-way: no client row, no history rows', async () => {
    let calls = 0;
    world = makeWorld({
      newId: () => {
        calls += 1;
        // id 1: the client, id 2: the batch, id 3: the first change row.
        if (calls === 3) throw new Error('id source failed');
        return `00000000-0000-7000-8000-${String(calls).padStart(12, '0')}`;
      },
    });
    const result = await world.send('clients.create', {
      name: 'Половинка',
      phone: '+7 900 000-00-01',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(world.count('clients')).toBe(0);
    expect(world.count('batches')).toBe(0);
    expect(world.count('changes')).toBe(0);
  });
});
