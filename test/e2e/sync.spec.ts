/**
 * Settings → Sync through the real UI: the connection form, and (against a throwaway
 * PostgreSQL) two browser shells on two workbooks that meet through one hub.
 */
import net from 'node:net';
import pg from 'pg';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, visit } from './fixtures';
import { ClientCardPage } from './pages/client-card-page';
import { hubAddress, SyncPage } from './pages/sync-page';

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`the connection form says what is missing before anything is sent (${lang})`, async ({
    page,
    shell,
  }) => {
    await shell.call('settings.set', { language: lang });
    const sync = new SyncPage(page, shell);
    await sync.open();
    await expect(page.getByRole('heading', { name: t.sync.connect.title })).toBeVisible();
    await expect(sync.field('port')).toHaveValue('5432');

    await sync.button(t.sync.connect.connect).click();
    for (const name of ['host', 'database', 'user', 'deviceName']) {
      await expect(sync.errorOf(name)).toHaveText(t.sync.connect.required);
      await expect(sync.field(name)).toHaveAttribute('aria-invalid', 'true');
    }
    await expect(sync.errorOf('port')).toHaveCount(0);
    await expect(sync.errorOf('password')).toHaveCount(0);

    await sync.field('port').fill('99999');
    await sync.field('host').fill('shop-pc');
    await expect(sync.errorOf('port')).toHaveText(t.sync.connect.badPort);
    await expect(sync.errorOf('host')).toHaveCount(0);

    // "Verify" asks for the CA file, and an empty one is said like any other.
    await expect(sync.field('caFile')).toHaveCount(0);
    await sync.field('tls').selectOption('verify');
    await expect(sync.errorOf('caFile')).toHaveText(t.sync.connect.required);
    await sync.field('caFile').fill('/etc/kartoteka/hub-ca.pem');
    await expect(sync.errorOf('caFile')).toHaveCount(0);
    await page.screenshot({ path: `test-results/screens/sync-form-${lang}.png`, fullPage: true });
  });
}

/**
 * Two devices on one hub, as two browser shells on two workbooks: the shop's PC in Russian, a
 * laptop in English. What one does reaches the other after "Sync now" on both; the same field
 * changed on both is a conflict on both, and the value kept on one is the value on both.
 */
test('two devices meet through one hub: a new client, a phone, a conflict kept on both', async ({
  page,
  shell,
  otherPage,
  otherShell,
  pgCluster,
  clients,
  card,
}) => {
  test.setTimeout(120_000);
  const hub = hubAddress(await pgCluster.createDatabase());
  await shell.call('settings.set', { language: 'ru', userName: 'Петров' });
  await otherShell.call('settings.set', { language: 'en', userName: 'Sidorova' });
  const shop = new SyncPage(page, shell);
  const laptop = new SyncPage(otherPage, otherShell);
  const laptopCard = new ClientCardPage(otherPage);

  // The shop puts its workbook on the hub.
  await shop.open();
  await shop.fill(hub, 'Компьютер в магазине');
  await shop.button(ru.sync.connect.test).click();
  await expect(page.getByTestId('sync-tested')).toContainText('PostgreSQL');
  await expect(page.getByTestId('sync-tested')).toContainText(ru.sync.connect.noWorkbooks);
  await shop.button(ru.sync.connect.connect).click();
  await expect(shop.fact('sync-hub')).toHaveText(
    `${hub.user}@${hub.host}:${hub.port}/${hub.database}`,
  );
  await expect(shop.fact('sync-device')).toHaveText('Компьютер в магазине');
  const workbookId = (await shop.fact('sync-workbook-id').textContent()) ?? '';
  expect(workbookId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByTestId('rail-sync-when')).toHaveText(
    `${ru.sync.rail.synced.replace('{{ago}}', ru.sync.justNow)}`,
  );

  // The laptop joins that workbook, picked from what the test found on the hub.
  await laptop.open();
  await laptop.fill(hub, 'Ноутбук Петрова');
  await laptop.button(en.sync.connect.test).click();
  await otherPage
    .getByTestId('hub-workbook')
    .filter({ hasText: workbookId })
    .getByRole('radio')
    .check();
  await otherPage.screenshot({ path: 'test-results/screens/sync-tested-en.png', fullPage: true });
  await laptop.button(en.sync.connect.connect).click();
  await expect(laptop.fact('sync-workbook-id')).toHaveText(workbookId);

  // A client added and a phone changed at the shop: they wait to be sent, then go.
  await clients.open();
  await clients.createClient(
    { name: 'Иванова Мария', phone: '+7 912 345-67-89' },
    ru.clients.new,
    ru.newClient.save,
  );
  await expect(card.field('name')).toContainText('Иванова Мария');
  const clientRoute = new URL(page.url()).hash.slice(1);
  await card.edit('phone', '+7 912 000-00-00');
  await expect(card.field('phone')).toContainText('+7 912 000-00-00');
  await expect(page.getByTestId('rail-sync-pending')).toBeVisible();
  await syncNow(shop, ru.sync.status.syncNow);
  await expect(page.getByTestId('rail-sync-pending')).toHaveCount(0);
  await syncNow(laptop, en.sync.status.syncNow);
  await expect(otherPage.getByTestId('sync-result')).not.toContainText('received 0');
  await otherPage.screenshot({
    path: 'test-results/screens/sync-connected-en.png',
    fullPage: true,
  });
  await visit(otherPage, '/settings');
  await expect(otherPage.getByTestId('settings-sync')).toContainText('Ноутбук Петрова');
  await otherPage.getByTestId('settings-sync').screenshot({
    path: 'test-results/screens/sync-settings-en.png',
  });

  // On the laptop: the client with the new phone, made at the shop.
  await visit(otherPage, clientRoute);
  await expect(laptopCard.field('name')).toContainText('Иванова Мария');
  await expect(laptopCard.field('phone')).toContainText('+7 912 000-00-00');
  const made = laptopCard.feed().locator('[data-event="created"]');
  await expect(made).toContainText(en.cardx.feed.created);
  await expect(made.getByTestId('from-device')).toHaveText('from “Компьютер в магазине”');
  await otherPage.screenshot({ path: 'test-results/screens/sync-card-pulled-en.png' });

  // Both change the phone before they meet: one value wins everywhere, the other is kept.
  await visit(page, clientRoute);
  await card.edit('phone', '+7 912 111-11-11');
  await expect(card.field('phone')).toContainText('+7 912 111-11-11');
  await laptopCard.edit('phone', '+7 912 222-22-22');
  await expect(laptopCard.field('phone')).toContainText('+7 912 222-22-22');
  await syncNow(shop, ru.sync.status.syncNow);
  await syncNow(laptop, en.sync.status.syncNow);
  await syncNow(shop, ru.sync.status.syncNow);

  for (const [device, t, shown] of [
    [shop, ru, 'ru'],
    [laptop, en, 'en'],
  ] as const) {
    await device.page.getByTestId('rail-sync-conflicts').click();
    const conflict = device.page.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('Иванова Мария');
    await expect(conflict).toContainText(t.fields.phone);
    await expect(conflict.getByTestId('conflict-value')).toHaveText([
      shown === 'ru' ? '+7 912 111-11-11' : '+7 912 222-22-22',
      shown === 'ru' ? '+7 912 222-22-22' : '+7 912 111-11-11',
    ]);
    await expect(conflict.locator('[data-winner="true"]')).toContainText(t.sync.conflicts.inEffect);
    await device.page.screenshot({ path: `test-results/screens/sync-conflicts-${shown}.png` });
  }
  // The same value won on both.
  const winner = await page
    .locator('[data-winner="true"] [data-testid="conflict-value"]')
    .innerText();
  const laptopWinner = await otherPage
    .locator('[data-winner="true"] [data-testid="conflict-value"]')
    .innerText();
  expect(laptopWinner).toBe(winner);
  const loser = winner === '+7 912 111-11-11' ? '+7 912 222-22-22' : '+7 912 111-11-11';

  // The shop's card shows the conflict; the shop keeps the value that lost.
  await visit(page, clientRoute);
  const block = page.getByTestId('card-conflicts');
  await expect(block).toContainText(ru.fields.phone);
  await expect(card.field('phone')).toContainText(winner);
  await page.screenshot({ path: 'test-results/screens/sync-card-conflict-ru.png' });
  await visit(otherPage, clientRoute);
  await expect(otherPage.getByTestId('card-conflicts')).toBeVisible();
  await otherPage.screenshot({ path: 'test-results/screens/sync-card-conflict-en.png' });
  await block
    .locator('[data-winner="false"]')
    .getByRole('button', { name: ru.sync.conflicts.keep })
    .click();
  await expect(block).toHaveCount(0);
  await expect(card.field('phone')).toContainText(loser);

  await syncNow(shop, ru.sync.status.syncNow);
  await syncNow(laptop, en.sync.status.syncNow);
  for (const [device, cardPage] of [
    [shop, card],
    [laptop, laptopCard],
  ] as const) {
    await visit(device.page, clientRoute);
    await expect(cardPage.field('phone')).toContainText(loser);
    await expect(device.page.getByTestId('card-conflicts')).toHaveCount(0);
    await expect(device.page.getByTestId('rail-sync-conflicts')).toHaveCount(0);
  }
  await visit(page, '/sync/conflicts');
  await expect(page.getByTestId('conflicts-empty')).toHaveText(ru.sync.conflicts.empty);
});

/** "Sync now" on the device's Sync screen, and its answer. */
async function syncNow(device: SyncPage, label: string): Promise<void> {
  await visit(device.page, '/sync');
  await device.button(label).click();
  await expect(device.page.getByTestId('sync-result')).toBeVisible();
}

test('exchange files carry the changes where there is no network, and a file loaded twice adds nothing', async ({
  page,
  shell,
  otherPage,
  otherShell,
}) => {
  await shell.call('settings.set', { language: 'ru', userName: 'Петров' });
  await otherShell.call('settings.set', { language: 'en', userName: 'Sidorova' });
  await shell.call('clients.create', { name: 'Петров Олег', phone: '+7 900 111-22-33' });
  await shell.call('clients.create', { name: 'Сидорова Анна', company: 'ИП Сидорова' });
  const shop = new SyncPage(page, shell);
  const laptop = new SyncPage(otherPage, otherShell);

  await shop.open();
  const file = await page.locator('#sync-export-path').inputValue();
  expect(file.endsWith('.kartoteka-changes')).toBe(true);
  await shop.button(ru.sync.exchange.export).click();
  const exported = page.getByTestId('exchange-exported');
  await expect(exported).toContainText(file);
  const changes = Number(/^\d+/.exec((await exported.textContent()) ?? '')?.[0]);
  expect(changes).toBeGreaterThan(0);
  // No hub: the ids a partner's files must match are shown here.
  const status = (await shell.call('sync.status')) as { data: { workbookId: string } };
  expect(status.data.workbookId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByTestId('exchange-identity')).toContainText(status.data.workbookId);
  await page.screenshot({ path: 'test-results/screens/sync-exchange-ru.png', fullPage: true });

  await laptop.open();
  await otherPage.locator('#sync-import-path').fill(file);
  await laptop.button(en.sync.exchange.import).click();
  await expect(otherPage.getByTestId('exchange-imported')).toHaveText(
    `Applied: ${changes}; already known: 0; conflicts: 0.`,
  );
  // The same file again: everything in it is known.
  await laptop.button(en.sync.exchange.import).click();
  await expect(otherPage.getByTestId('exchange-imported')).toHaveText(
    `Applied: 0; already known: ${changes}; conflicts: 0.`,
  );
  await otherPage.screenshot({ path: 'test-results/screens/sync-exchange-en.png', fullPage: true });
  await visit(otherPage, '/clients');
  await expect(otherPage.getByRole('row').filter({ hasText: 'Петров Олег' })).toContainText(
    '+7 900 111-22-33',
  );
  await expect(otherPage.getByRole('row').filter({ hasText: 'Сидорова Анна' })).toBeVisible();
});

test('offline is said quietly, a failed sync is marked, and disconnecting asks first', async ({
  page,
  shell,
  pgCluster,
}) => {
  test.setTimeout(60_000);
  const url = await pgCluster.createDatabase();
  const direct = hubAddress(url);
  // The hub reached through a relay the test can unplug, as a laptop leaves the shop's network.
  const relay = await tcpRelay(direct.port);
  const hub = { ...direct, port: relay.port };
  await shell.call('settings.set', { language: 'ru', userName: 'Петров' });
  const sync = new SyncPage(page, shell);
  await sync.open();
  await sync.fill(hub, 'Ноутбук Петрова');
  await sync.button(ru.sync.connect.connect).click();
  await expect(sync.fact('sync-device')).toHaveText('Ноутбук Петрова');
  await page.screenshot({ path: 'test-results/screens/sync-connected-ru.png', fullPage: true });
  await visit(page, '/settings');
  await expect(page.getByTestId('settings-sync')).toContainText('Ноутбук Петрова');
  await page.getByTestId('settings-sync').screenshot({
    path: 'test-results/screens/sync-settings-ru.png',
  });

  // Unplugged: "Sync now" says the hub is not reachable, calmly; the rail says "offline".
  await relay.close();
  await shell.call('clients.create', { name: 'Кузнецов Игорь' });
  await visit(page, '/sync');
  await sync.button(ru.sync.status.syncNow).click();
  await expect(page.getByTestId('sync-offline')).toContainText(`${hub.host}:${hub.port}`);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('rail-sync-offline')).toHaveText(ru.sync.rail.offline);
  await expect(page.getByTestId('rail-sync-error')).toHaveCount(0);
  await expect(page.getByTestId('rail-sync-pending')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/sync-offline-ru.png', fullPage: true });

  // Back on the network: the waiting change goes.
  const again = await tcpRelay(direct.port, relay.port);
  await sync.button(ru.sync.status.syncNow).click();
  await expect(page.getByTestId('sync-result')).toBeVisible();
  await expect(page.getByTestId('rail-sync-offline')).toHaveCount(0);
  await expect(page.getByTestId('rail-sync-pending')).toHaveCount(0);

  // The hub's database gone: that is an error someone must fix, marked in the rail.
  const admin = new pg.Client({ connectionString: pgCluster.url('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE ${direct.database} WITH (FORCE)`);
  await admin.end();
  await sync.button(ru.sync.status.syncNow).click();
  await expect(page.getByRole('alert').first()).toContainText(direct.database);
  await expect(page.getByTestId('rail-sync-error')).toHaveText(ru.sync.rail.error);
  await expect(page.getByTestId('rail-sync-offline')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/sync-error-ru.png', fullPage: true });
  await again.close();

  // Disconnecting asks first; "Cancel" keeps the connection.
  await sync.button(ru.sync.status.disconnect).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(ru.sync.status.disconnectTitle);
  await page.screenshot({ path: 'test-results/screens/sync-disconnect-ru.png' });
  await dialog.getByRole('button', { name: ru.sync.status.cancel }).click();
  await expect(dialog).toHaveCount(0);
  await expect(sync.fact('sync-device')).toBeVisible();
  await sync.button(ru.sync.status.disconnect).click();
  await dialog.getByRole('button', { name: ru.sync.status.disconnectConfirm }).click();
  await expect(page.getByRole('heading', { name: ru.sync.connect.title })).toBeVisible();
  await expect(page.getByTestId('rail-sync')).toHaveCount(0);
});

/** A TCP relay to a local port, closed at will (its connections cut) like a network gone. */
async function tcpRelay(
  target: number,
  port = 0,
): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
