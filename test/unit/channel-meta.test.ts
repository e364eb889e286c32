/**
 * The channel metadata is what dispatch, the desktop shell and the renderer's cache act on, so
 * it must be complete and true: every channel has an entry, and a channel said to only read
 * really leaves the workbook file untouched (each is called on a workbook full of records).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type ChannelName, type InputOf } from '../../electron/api/contract';
import { CHANNEL_META } from '../../electron/api/contract/channel-meta';
import { effectsOf } from '../../electron/desktop/call-effects';
import { makeClient, makeWorld, type World } from '../helpers/world';

const readers = CHANNELS.filter((c) => CHANNEL_META[c].writes === false);
const writers = CHANNELS.filter((c) => CHANNEL_META[c].writes !== false);

describe('channel metadata', () => {
  it('has an entry for every channel and for nothing else', () => {
    expect(Object.keys(CHANNEL_META).sort()).toEqual([...CHANNELS].sort());
  });

  it('makes every writer wait for a running import, and lets readers run through one', () => {
    for (const channel of writers)
      expect([channel, CHANNEL_META[channel].waitsForImport]).toEqual([channel, true]);
    for (const channel of readers)
      expect([channel, CHANNEL_META[channel].waitsForImport]).toEqual([channel, false]);
  });

  it('invalidates only reading channels', () => {
    for (const channel of CHANNELS) {
      const { invalidates } = CHANNEL_META[channel];
      if (invalidates === 'all') continue;
      for (const name of invalidates)
        expect([channel, name, CHANNEL_META[name].writes]).toEqual([channel, name, false]);
    }
  });

  it('tells the desktop shell to reschedule notifications after anything that moves reminders', () => {
    for (const channel of [
      'reminders.add',
      'reminders.snooze',
      'clients.delete',
      'clients.restore',
      'trash.empty',
      'history.undoBatch',
      'import.run',
    ] as const) {
      expect([channel, effectsOf(channel, true).reminders]).toEqual([channel, true]);
    }
    for (const channel of ['clients.update', 'comments.add', 'reminders.list'] as const) {
      expect([channel, effectsOf(channel, true).reminders]).toEqual([channel, false]);
    }
  });
});

interface Seed {
  clientId: string;
  file: string;
  campaignId: string;
}

/** A valid input for every reading channel; a new reader without one fails the test below. */
const SAMPLES: { [C in ChannelName]?: (seed: Seed) => InputOf<C> } = {
  'clients.get': ({ clientId }) => ({ id: clientId }),
  'clients.list': () => ({ query: 'Кл' }),
  'history.list': ({ clientId }) => ({ clientId }),
  'history.asOf': ({ clientId }) => ({ clientId, at: '2026-11-12T12:00:00.000Z' }),
  'history.batches': () => ({}),
  'comments.list': ({ clientId }) => ({ clientId }),
  'fields.list': () => ({ includeRetired: true }),
  'managers.list': () => ({}),
  'managers.names': () => ({}),
  'lostReasons.list': () => ({}),
  'views.list': () => ({}),
  'reminders.list': ({ clientId }) => ({ clientId, includeDone: true }),
  'reminders.agenda': () => ({ date: '2026-11-12', time: '12:00' }),
  'cadence.get': () => ({}),
  'stageRules.get': () => ({}),
  'clients.touchMix': ({ clientId }) => ({ clientId }),
  'sales.list': ({ clientId }) => ({ clientId }),
  'sales.summary': ({ clientId }) => ({ clientId }),
  'plans.list': ({ clientId }) => ({ clientId }),
  'plans.report': () => ({ period: '2026', groupBy: 'client' }),
  'import.preview': ({ file }) => ({ path: file, target: 'clients' }),
  'import.check': ({ file }) => ({
    path: file,
    target: 'clients',
    mapping: { Name: 'name', Phone: 'phone' },
  }),
  'import.status': () => ({}),
  'import.cancel': () => ({}),
  'import.pickFile': () => ({}),
  'export.clients': () => ({ columns: [{ key: 'name', label: 'Name' }], format: 'csv' }),
  'export.table': () => ({
    title: 'T',
    columns: [{ label: 'N', type: 'number' }],
    rows: [[1]],
    format: 'xlsx',
  }),
  'analytics.retention': () => ({ periods: [{ from: '2026-01-01', to: '2026-11-12' }] }),
  'analytics.abcxyz': () => ({ from: '2025-11-13', to: '2026-11-12' }),
  'analytics.migration': () => ({
    a: { from: '2024-11-13', to: '2025-11-12' },
    b: { from: '2025-11-13', to: '2026-11-12' },
  }),
  'analytics.rfm': () => ({ asOf: '2026-11-12' }),
  'analytics.ltv': () => ({ from: '2025-11-13', to: '2026-11-12', groupBy: 'base' }),
  'analytics.clv': () => ({ calibrationEnd: '2026-06-30', horizonWeeks: 26 }),
  'analytics.dashboard': () => ({ asOf: '2026-11-12' }),
  'analytics.drill': () => ({ kind: 'matrix', key: 'AX', asOf: '2026-11-12' }),
  'analytics.due': () => ({ asOf: '2026-11-12' }),
  'analytics.winBack': () => undefined,
  'analytics.winBackList': () => ({}),
  'analytics.settings': () => ({}),
  'nps.list': ({ clientId }) => ({ clientId }),
  'settings.get': () => ({}),
  'app.info': () => ({}),
  'workbook.pickFile': () => ({ mode: 'open' }),
  'print.toPdf': () => ({ fileName: 'brief' }),
  'workbook.info': () => ({}),
  'workbook.recent': () => ({}),
  'workbook.awaitingPassword': () => ({}),
  'sync.status': () => ({}),
  'sync.conflicts': ({ clientId }) => ({ clientId, includeResolved: true }),
  'sync.test': () => ({ url: 'postgres://kt@127.0.0.1:9/hub' }),
  'workbook.backups': () => ({}),
  'campaigns.list': () => ({}),
  'campaigns.get': ({ campaignId }) => ({ id: campaignId }),
  'campaigns.report': ({ campaignId }) => ({ id: campaignId, windowDays: 30 }),
  'campaigns.curve': ({ campaignId }) => ({ id: campaignId, days: 60 }),
  'campaigns.compare': () => ({ windowDays: 90 }),
  'campaigns.preview': ({ campaignId }) => ({ id: campaignId, template: '{имя}', limit: 3 }),
  'campaigns.outbox': ({ campaignId }) => ({ id: campaignId }),
  'campaigns.exportCsv': ({ campaignId }) => ({ id: campaignId, format: 'sms' }),
  'campaigns.todo': () => ({}),
};

/** Answers the browser shell gives instead of data, expected as such. */
const REFUSALS: Partial<Record<ChannelName, string>> = {
  // The browser shell has no native file dialog.
  'import.pickFile': 'unavailable',
  'workbook.pickFile': 'unavailable',
  'print.toPdf': 'unavailable',
  // No import runs, so there is nothing to stop.
  'import.cancel': 'conflict',
  // Nothing listens on port 9: the hub is out of reach.
  'sync.test': 'unavailable',
};

describe('a channel marked as reading', () => {
  let world: World;
  let seed: Seed;
  beforeEach(async () => {
    world = makeWorld({ locale: 'ru' });
    const client = await world.call('clients.create', makeClient({ name: 'Клиент А' }));
    await world.call('comments.add', { clientId: client.id, kind: 'call', body: 'Позвонил' });
    await world.call('reminders.add', { clientId: client.id, due: '2026-11-20', title: 'Счёт' });
    await world.call('sales.add', { clientId: client.id, date: '2026-10-01', amount: 120_00 });
    await world.call('nps.add', { clientId: client.id, score: 9 });
    // The one reader that writes, once: the first read seeds the default reasons in the
    // workbook's language.
    await world.call('lostReasons.list', {});
    const file = path.join(world.dir, 'clients.csv');
    fs.writeFileSync(file, 'Name,Phone\nБорис,+7 912 000-11-22\n');
    world.app.ctx.importer.allowFile(file);
    const campaign = await world.call('campaigns.create', {
      name: 'Обзвон',
      goal: 'reactivate',
      action: 'call',
      dueDays: 7,
      ids: [client.id],
    });
    seed = { clientId: client.id, file, campaignId: campaign.id };
  });
  afterEach(() => world.dispose());

  it('answers and leaves the workbook file exactly as it was', async () => {
    // A second connection sees `data_version` move when anyone else commits to the file.
    const watcher = new Database(world.file, { readonly: true });
    const version = () => watcher.pragma('data_version', { simple: true }) as number;
    try {
      for (const channel of readers) {
        const sample = SAMPLES[channel] as ((s: Seed) => unknown) | undefined;
        expect([channel, sample !== undefined]).toEqual([channel, true]);
        const before = version();
        const envelope = await world.send(channel, sample?.(seed));
        const outcome = envelope.ok ? 'ok' : envelope.error.code;
        expect([channel, outcome]).toEqual([channel, REFUSALS[channel] ?? 'ok']);
        expect([channel, version()]).toEqual([channel, before]);
      }
      // The watcher does see a write: a reader marked by mistake would be caught.
      const before = version();
      await world.call('comments.add', { clientId: seed.clientId, kind: 'note', body: 'x' });
      expect(version()).not.toBe(before);
    } finally {
      watcher.close();
    }
  });
});
