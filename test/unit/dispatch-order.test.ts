/**
 * The contract's schemas are built on their channel's first call (a start builds only those of
 * the first screen). Building one must not let a later call overtake it: a call is handled in
 * the order it came. This file stands alone so that the schemas it calls on are not built yet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../electron/api/contract';
import { createDispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import type { Handler } from '../../electron/api/handlers/types';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

describe('calls while a schema is first built', () => {
  it('are handled in the order they came, and each gets its answer', async () => {
    world = makeWorld();
    const client = await world.call('clients.create', makeClient({ name: 'Порядков' }));
    await world.call('clients.get', { id: client.id });
    const handled: string[] = [];
    const noted =
      <C extends 'plans.list' | 'settings.get' | 'clients.get'>(channel: C): Handler<C> =>
      (input, ctx) => {
        handled.push(channel);
        return (handlers[channel] as Handler<C>)(input, ctx);
      };
    const dispatch = createDispatch(world.app.ctx, {
      handlers: {
        ...handlers,
        'plans.list': noted('plans.list'),
        'settings.get': noted('settings.get'),
        'clients.get': noted('clients.get'),
      },
      logger: { info: () => undefined, error: () => undefined },
    });
    // The premise: the sales schemas are not built yet, the others are.
    expect(contract['plans.list'].loaded()).toBeUndefined();
    expect(contract['clients.get'].loaded()).toBeDefined();

    const plans = dispatch('plans.list', { clientId: client.id });
    const settings = dispatch('settings.get', undefined);
    const card = dispatch('clients.get', { id: client.id });
    const answers = await Promise.all([plans, settings, card]);

    expect(handled).toEqual(['plans.list', 'settings.get', 'clients.get']);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    expect(answers[2]).toMatchObject({ data: { name: 'Порядков' } });
    // Built once: the next call finds it at once.
    expect(contract['plans.list'].loaded()).toBeDefined();
  });

  it('a bad input to a channel not built yet is refused as before', async () => {
    world = makeWorld();
    expect(contract['nps.add'].loaded()).toBeUndefined();
    const result = await world.send('nps.add', { clientId: 'x', score: 11 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
