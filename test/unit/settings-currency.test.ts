/** The workbook's currency: roubles by default, chosen in Settings, carried to other devices. */
import { expect, it } from 'vitest';
import { carry, devicesPerTest } from '../helpers/exchange';

const device = devicesPerTest();

it('keeps the chosen currency, refuses one it does not know, and shares it by sync', async () => {
  const shop = device();
  const laptop = device();
  expect((await shop.call('settings.get', undefined)).currency).toBe('RUB');
  await shop.call('settings.set', { currency: 'EUR', language: 'en' });
  expect((await shop.call('settings.get', undefined)).currency).toBe('EUR');
  const refused = await shop.send('settings.set', { currency: 'GBP' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect((await shop.call('settings.get', undefined)).currency).toBe('EUR');

  await laptop.call('settings.set', { language: 'ru' });
  await carry(shop, laptop);
  // A business rule travels; the language of each computer stays its own.
  const there = await laptop.call('settings.get', undefined);
  expect(there.currency).toBe('EUR');
  expect(there.language).toBe('ru');
});
