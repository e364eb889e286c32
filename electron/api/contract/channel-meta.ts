/**
 * What each channel does besides answering, declared once beside the contract: whether it
 * writes, whether it must wait for a running import, and which of the renderer's queries (named
 * by their channels) show something it may have changed. Dispatch, the desktop shell's reminder
 * notifications and the renderer's cache all read this table instead of guessing from names.
 *
 * Plain data with type-only imports: the renderer bundles it without any validation code. A
 * new channel needs an entry here (the `Record` makes a missing one a type error, and
 * `channel-meta.test.ts` checks that every channel marked as reading really writes nothing).
 */
import type { ChannelName } from './index';

export interface ChannelMeta {
  /**
   * `false`: reads only, so it runs on a read-only workbook and while an import writes.
   * `'records'`: changes what the workbook holds; refused on a read-only workbook.
   * `'workbook'`: acts on the workbook file itself (open, create, copy, password); it runs on a
   * read-only workbook and its handler decides what that allows.
   */
  writes: false | 'records' | 'workbook';
  /**
   * Refused (`conflict`) while an import writes: the import's worker holds the write lock, and
   * waiting for it would freeze the main thread.
   */
  waitsForImport: boolean;
  /**
   * Reading channels whose answers it may change, refetched by the renderer after it succeeded;
   * `'all'` when nothing shown can be trusted (the language changed, a batch undone, another
   * workbook open).
   */
  invalidates: 'all' | readonly ChannelName[];
}

/** Reads only. */
const reads: ChannelMeta = { writes: false, waitsForImport: false, invalidates: [] };

/** Changes records; the listed queries show them. */
function records(...invalidates: ChannelName[]): ChannelMeta {
  return { writes: 'records', waitsForImport: true, invalidates };
}

/** Changes records in ways any screen may show (an undone batch, an import, the language). */
const recordsEverywhere: ChannelMeta = {
  writes: 'records',
  waitsForImport: true,
  invalidates: 'all',
};

/** Acts on the workbook file. */
function workbook(invalidates: 'all' | readonly ChannelName[]): ChannelMeta {
  return { writes: 'workbook', waitsForImport: true, invalidates };
}

/** Everything a client's card shows about the client itself, and the list it sits in. */
const CARD: ChannelName[] = [
  'clients.get',
  'clients.list',
  'history.list',
  'history.asOf',
  'comments.list',
  'clients.touchMix',
];

/** Contacts move the Today screen (needs a touch, slipping away, win back) as well as the card. */
const CONTACTS: ChannelName[] = [
  ...CARD,
  'reminders.agenda',
  'analytics.due',
  'analytics.winBack',
  'analytics.winBackList',
];

/** A reminder shows on its card and on Today (and moves the next notification). */
const REMINDERS: ChannelName[] = [...CONTACTS, 'reminders.list'];

/** Every figure computed from sales, answers and the analytics settings. */
const ANALYTICS: ChannelName[] = [
  'analytics.retention',
  'analytics.abcxyz',
  'analytics.migration',
  'analytics.rfm',
  'analytics.ltv',
  'analytics.clv',
  'analytics.dashboard',
  'analytics.drill',
  'analytics.due',
  'analytics.winBack',
  'analytics.winBackList',
  'analytics.settings',
];

/** What a campaign shows: the list with its counts, one campaign, its result. */
const CAMPAIGNS: ChannelName[] = [
  'campaigns.list',
  'campaigns.get',
  'campaigns.report',
  'campaigns.curve',
  'campaigns.compare',
  'campaigns.outbox',
  'campaigns.todo',
];

/** Sales change the card's totals and stage, the plans and every figure. */
const SALES: ChannelName[] = [
  ...CARD,
  'campaigns.report',
  'campaigns.curve',
  'campaigns.compare',
  'sales.list',
  'sales.summary',
  'plans.list',
  'plans.report',
  ...ANALYTICS,
];

/** Plans show in the growth report and on the card (and its history). */
const PLANS: ChannelName[] = ['plans.list', 'plans.report', ...CARD];

/** Which clients exist (trash, restore): the list, the managers' counts, the reminders. */
const MEMBERSHIP: ChannelName[] = [
  ...CARD,
  'managers.list',
  'reminders.list',
  'reminders.agenda',
  ...ANALYTICS,
];

export const CHANNEL_META: Record<ChannelName, ChannelMeta> = {
  'clients.create': records(...CARD, 'managers.list', ...ANALYTICS),
  'clients.get': reads,
  'clients.update': records(...CONTACTS, 'managers.list'),
  'clients.list': reads,
  'clients.delete': records(...MEMBERSHIP),
  'clients.restore': records(...MEMBERSHIP),
  'clients.bulk': records(...MEMBERSHIP),
  'trash.empty': records(...MEMBERSHIP),
  'history.list': reads,
  'history.revert': records(...CONTACTS),
  'history.undoBatch': recordsEverywhere,
  'history.asOf': reads,
  'history.batches': reads,
  'comments.add': records(...CONTACTS),
  'comments.list': reads,
  'comments.update': records(...CONTACTS),
  'comments.delete': records(...CONTACTS),
  'fields.define': records('fields.list'),
  'fields.update': records('fields.list', 'clients.get', 'clients.list'),
  'fields.retire': records('fields.list', 'clients.get', 'clients.list'),
  'fields.unretire': records('fields.list', 'clients.get', 'clients.list'),
  'fields.reorder': records('fields.list'),
  'fields.list': reads,
  'managers.list': reads,
  'managers.names': reads,
  'managers.add': records('managers.list', 'managers.names', 'app.info'),
  'managers.update': records(
    'managers.list',
    'managers.names',
    'app.info',
    'clients.get',
    'clients.list',
  ),
  'managers.reassign': records('managers.list', ...CARD),
  'lostReasons.list': reads,
  'lostReasons.add': records('lostReasons.list'),
  'lostReasons.update': records('lostReasons.list', 'clients.get', 'analytics.winBack'),
  'views.list': reads,
  'views.save': records('views.list'),
  'views.delete': records('views.list'),
  'reminders.add': records(...REMINDERS),
  'reminders.update': records(...REMINDERS),
  'reminders.complete': records(...REMINDERS),
  'reminders.snooze': records(...REMINDERS),
  'reminders.delete': records(...REMINDERS),
  'reminders.list': reads,
  'reminders.agenda': reads,
  'cadence.get': reads,
  'cadence.set': records('cadence.get', 'reminders.agenda'),
  'stageRules.get': reads,
  'stageRules.set': records('stageRules.get', ...CARD),
  'clients.touchMix': reads,
  'sales.add': records(...SALES),
  'sales.update': records(...SALES),
  'sales.delete': records(...SALES),
  'sales.list': reads,
  'sales.summary': reads,
  'plans.set': records(...PLANS),
  'plans.list': reads,
  'plans.report': reads,
  'plans.copy': records(...PLANS),
  'plans.potentialFromField': records(...PLANS),
  'import.preview': reads,
  'import.check': reads,
  'import.run': recordsEverywhere,
  'import.status': reads,
  'import.cancel': { ...reads, invalidates: ['import.status'] },
  'import.pickFile': reads,
  'export.clients': reads,
  'export.table': reads,
  'analytics.retention': reads,
  'analytics.abcxyz': reads,
  'analytics.migration': reads,
  'analytics.rfm': reads,
  'analytics.ltv': reads,
  'analytics.clv': reads,
  'analytics.dashboard': reads,
  'analytics.drill': reads,
  'analytics.due': reads,
  'analytics.winBack': reads,
  'analytics.winBackList': reads,
  'analytics.settings': reads,
  'settings.setAnalytics': records(...ANALYTICS),
  'nps.add': records('nps.list', ...ANALYTICS),
  'nps.list': reads,
  'nps.delete': records('nps.list', ...ANALYTICS),
  'settings.get': reads,
  // The language: every word the main process sent (stage names, messages) may differ.
  'settings.set': recordsEverywhere,
  'app.info': reads,
  'workbook.pickFile': reads,
  'print.toPdf': reads,
  'workbook.info': reads,
  // Another workbook open: the renderer starts over, nothing it holds belongs to it.
  'workbook.open': workbook('all'),
  'workbook.create': workbook('all'),
  'workbook.openDemo': workbook('all'),
  'workbook.saveCopy': workbook(['workbook.recent']),
  'workbook.recent': reads,
  'workbook.setPassword': workbook(['workbook.info', 'workbook.recent', 'app.info']),
  'workbook.awaitingPassword': reads,
  // Backups: files beside the workbook; a restore puts another file in its place.
  'workbook.backup': workbook(['workbook.backups', 'workbook.info']),
  'workbook.backups': reads,
  'workbook.restore': workbook('all'),
  'workbook.deleteBackup': workbook(['workbook.backups']),
  // Portable mode: the working copy written back to the stick (or to another file).
  'workbook.save': workbook(['workbook.info', 'workbook.recent', 'app.info']),
  // Sync: pulled changes may touch anything any screen shows.
  'sync.configure': recordsEverywhere,
  'sync.status': reads,
  'sync.now': recordsEverywhere,
  'sync.test': reads,
  'sync.conflicts': reads,
  'sync.resolve': recordsEverywhere,
  'sync.disconnect': records('sync.status'),
  'exchange.export': records('sync.status'),
  'exchange.import': recordsEverywhere,
  'campaigns.create': records(...CAMPAIGNS),
  'campaigns.list': reads,
  'campaigns.get': reads,
  // A contact with an outcome is logged on the card's feed.
  'campaigns.mark': records(...CAMPAIGNS, ...CONTACTS),
  'campaigns.report': reads,
  'campaigns.curve': reads,
  'campaigns.compare': reads,
  'campaigns.refresh': records(...CAMPAIGNS),
  'campaigns.delete': records(...CAMPAIGNS),
  'campaigns.restore': records(...CAMPAIGNS),
  // Bulk edits, a reminder or a touch on each card, a campaign.
  'lists.act': records(...MEMBERSHIP, ...CAMPAIGNS, ...REMINDERS),
  'campaigns.preview': reads,
  'campaigns.outbox': reads,
  // Each message is logged on the card's feed.
  'campaigns.sent': records(...CAMPAIGNS, ...CONTACTS),
  'campaigns.exportCsv': reads,
  'campaigns.todo': reads,
};
