/**
 * The default lost reasons speak the workbook's language: seeded in it, and following it when
 * the language is switched, as long as the user has not renamed a reason and no client has it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

const labels = async () => (await world.call('lostReasons.list', undefined)).map((r) => r.label);

describe('default lost reasons', () => {
  it('a workbook set to English gets English reasons', async () => {
    world = makeWorld({ locale: 'ru' });
    await world.call('settings.set', { language: 'en' });
    expect(await labels()).toEqual([
      'Price',
      'Went to a competitor',
      'Quality',
      'No longer needed',
      'Closed or moved away',
      'Poor service',
    ]);
  });

  it('seeded in Russian, they turn English with the workbook, except the ones in use or renamed', async () => {
    world = makeWorld({ locale: 'ru' });
    const seeded = await world.call('lostReasons.list', undefined);
    expect(seeded.map((r) => r.label)).toEqual([
      'Цена',
      'Ушёл к конкуренту',
      'Качество',
      'Нет потребности',
      'Закрылся или переехал',
      'Плохой сервис',
    ]);
    const client = await world.call('clients.create', { name: 'Анна' });
    await world.call('clients.update', {
      id: client.id,
      patch: { stage: 'lost', lostReason: 'Качество' },
    });
    await world.call('lostReasons.update', { id: seeded[5]!.id, label: 'Грубый продавец' });

    await world.call('settings.set', { language: 'en' });
    expect(await labels()).toEqual([
      'Price',
      'Went to a competitor',
      'Качество',
      'No longer needed',
      'Closed or moved away',
      'Грубый продавец',
    ]);
    // The client's reason still matches a reason on the list.
    expect((await world.call('clients.get', { id: client.id })).lostReason).toBe('Качество');

    await world.call('settings.set', { language: 'ru' });
    expect((await labels())[0]).toBe('Цена');
  });
});
