/**
 * The one contract between the renderer and the main process: every channel's name, its zod
 * input schema and its output type, declared once. The renderer imports only types from here.
 */
import { z } from 'zod';
import type {
  Batch,
  BulkResult,
  Client,
  ClientList,
  HistoryEntry,
  TrashResult,
  UndoResult,
} from './clients';
import type { Comment } from './comments';
import type {
  ExchangeExportResult,
  ExchangeImportResult,
  SyncConflict,
  SyncResult,
  SyncStatus,
  SyncTestResult,
} from './sync';
import type { FieldDef } from './fields';
import type { LostReason, Manager, ManagerName, SavedView } from './managers';
import type { Agenda, CadenceSettings, CompleteResult, Reminder, TouchMix } from './reminders';
import type { Plan, PlanBulkResult, PlanReport, Sale, SalesSummary } from './sales';
import type { AppInfo, Settings } from './settings';
import type {
  Campaign,
  CampaignDetail,
  CampaignMember,
  CampaignReport,
  CampaignCurve,
  CampaignComparisonRow,
  CampaignRefreshResult,
  ListActResult,
} from './campaigns';
import type {
  CampaignCsvFile,
  CampaignMessage,
  CampaignOutbox,
  CampaignSentResult,
  CampaignTodo,
} from './campaign-messages';
import type {
  AbcXyzResult,
  AnalyticsSettings,
  ClvResultOut,
  Dashboard,
  DrillResult,
  DueResultOut,
  WinBackList,
  LtvResult,
  MigrationResultOut,
  NpsAnswer,
  RetentionResult,
  RfmResultOut,
  WinBackClient,
} from './analytics';
import type { ImportCheck, ImportPreview, ImportResult, ImportStatus, PickedFile } from './imports';
import type { ExportFile } from './exports';
import type { StageRules } from './stages';
import type { AwaitingPassword } from './workbook-password';
import type {
  BackupInfo,
  RecentWorkbook,
  RestoreResult,
  WorkbookCopy,
  WorkbookInfo,
} from './workbook';

/**
 * The contract's schemas, module by module: each is loaded, and its schemas built, when one of
 * its channels is first called. Building every schema at once took ~70 ms of each start.
 */
const clientsSchemas = () => import('./clients');
const commentsSchemas = () => import('./comments');
const syncSchemas = () => import('./sync');
const fieldsSchemas = () => import('./fields');
const managersSchemas = () => import('./managers');
const remindersSchemas = () => import('./reminders');
const salesSchemas = () => import('./sales');
const settingsSchemas = () => import('./settings');
const campaignsSchemas = () => import('./campaigns');
const campaignMessagesSchemas = () => import('./campaign-messages');
const analyticsSchemas = () => import('./analytics');
const importsSchemas = () => import('./imports');
const exportsSchemas = () => import('./exports');
const stagesSchemas = () => import('./stages');
const workbookFilesSchemas = () => import('./workbook-files');
const backupsSchemas = () => import('./backups');
const workbookSchemas = () => import('./workbook');

/** A channel: its input schema, and its output type carried as a phantom. */
export interface ChannelDef<I extends z.ZodType, O> {
  /** The input schema, once built; undefined before the channel's first call. */
  loaded(): I | undefined;
  /** Builds the input schema (its module's schemas with it), once. */
  load(): Promise<I>;
  /** Never set; carries the input schema's type for `InputOf`. */
  readonly schema?: I;
  /** Never set; carries the output type for `OutputOf`. */
  readonly output?: O;
}

const channel =
  <O>() =>
  <M, I extends z.ZodType>(module: () => Promise<M>, pick: (schemas: M) => I): ChannelDef<I, O> => {
    let schema: I | undefined;
    let loading: Promise<I> | undefined;
    return {
      loaded: () => schema,
      load: () => (loading ??= module().then((schemas) => (schema = pick(schemas)))),
    };
  };

const noInput = z.object({}).strict().optional();
const noInputLoaded = Promise.resolve(noInput);

/** A channel that takes no input. */
const bare = <O>(): ChannelDef<typeof noInput, O> => ({
  loaded: () => noInput,
  load: () => noInputLoaded,
});

export const contract = {
  /** Creates a client from its standard fields; returns it with its new `id`. */
  'clients.create': channel<Client>()(clientsSchemas, (m) => m.clientCreateInput),
  /** One client with its custom field values under `custom`. */
  'clients.get': channel<Client>()(clientsSchemas, (m) => m.clientGetInput),
  /** Changes some fields; every changed field is written to history in the same transaction. */
  'clients.update': channel<Client>()(clientsSchemas, (m) => m.clientUpdateInput),
  /** Clients not in the trash, ordered by name; `query` matches name, company, email, phone digits. */
  'clients.list': channel<ClientList>()(clientsSchemas, (m) => m.clientListInput),
  /** Moves a client to the trash (restorable with everything attached). */
  'clients.delete': channel<Client>()(clientsSchemas, (m) => m.clientIdInput),
  /** Brings a client back from the trash. */
  'clients.restore': channel<Client>()(clientsSchemas, (m) => m.clientIdInput),
  /** One action on a selection or a whole filter result, recorded as one batch. */
  'clients.bulk': channel<BulkResult>()(clientsSchemas, (m) => m.clientBulkInput),
  /** Deletes for good every client in the trash, with its comments, reminders and history. */
  'trash.empty': bare<TrashResult>(),
  /** A client's change history (fields, custom fields, comments), newest first. */
  'history.list': channel<HistoryEntry[]>()(clientsSchemas, (m) => m.historyListInput),
  /** Puts back the old value of one change; the restore is itself a change. */
  'history.revert': channel<Client>()(clientsSchemas, (m) => m.historyRevertInput),
  /** Undoes a whole batch (a bulk edit, an import); fields edited since are left alone. */
  'history.undoBatch': channel<UndoResult>()(clientsSchemas, (m) => m.historyUndoBatchInput),
  /** The card as it was at a moment: null when the client did not exist yet. */
  'history.asOf': channel<Client | null>()(clientsSchemas, (m) => m.historyAsOfInput),
  /** Recent batches, newest first, for review and undo. */
  'history.batches': channel<Batch[]>()(clientsSchemas, (m) => m.historyBatchesInput),
  'comments.add': channel<Comment>()(commentsSchemas, (m) => m.commentAddInput),
  /** A client's comments, newest first, optionally of one kind. */
  'comments.list': channel<Comment[]>()(commentsSchemas, (m) => m.commentListInput),
  'comments.update': channel<Comment>()(commentsSchemas, (m) => m.commentUpdateInput),
  'comments.delete': channel<Comment>()(commentsSchemas, (m) => m.commentIdInput),
  /** Defines a custom field; defining an existing key again updates its label, options, group. */
  'fields.define': channel<FieldDef>()(fieldsSchemas, (m) => m.fieldDefineInput),
  'fields.update': channel<FieldDef>()(fieldsSchemas, (m) => m.fieldUpdateInput),
  /** Hides a field from cards; its values are kept and come back with `fields.unretire`. */
  'fields.retire': channel<FieldDef>()(fieldsSchemas, (m) => m.fieldKeyInput),
  'fields.unretire': channel<FieldDef>()(fieldsSchemas, (m) => m.fieldKeyInput),
  'fields.reorder': channel<FieldDef[]>()(fieldsSchemas, (m) => m.fieldReorderInput),
  'fields.list': channel<FieldDef[]>()(fieldsSchemas, (m) => m.fieldListInput),
  'managers.list': bare<Manager[]>(),
  /**
   * The managers without their clients counted: what the list, the card and the filters show.
   * Counting reads the whole manager index (80 ms cold on 100,000 clients, on the start's path).
   */
  'managers.names': bare<ManagerName[]>(),
  'managers.add': channel<Manager>()(managersSchemas, (m) => m.managerAddInput),
  'managers.update': channel<Manager>()(managersSchemas, (m) => m.managerUpdateInput),
  /** Gives all of one manager's clients to another, as one batch. */
  'managers.reassign': channel<BulkResult>()(managersSchemas, (m) => m.managerReassignInput),
  'lostReasons.list': bare<LostReason[]>(),
  'lostReasons.add': channel<LostReason>()(managersSchemas, (m) => m.lostReasonAddInput),
  'lostReasons.update': channel<LostReason>()(managersSchemas, (m) => m.lostReasonUpdateInput),
  'views.list': bare<SavedView[]>(),
  'views.save': channel<SavedView>()(managersSchemas, (m) => m.viewSaveInput),
  'views.delete': channel<SavedView>()(managersSchemas, (m) => m.viewIdInput),
  /** A reminder on a client: `due` is `YYYY-MM-DD` or local `YYYY-MM-DDTHH:mm`; `repeat` optional. */
  'reminders.add': channel<Reminder>()(remindersSchemas, (m) => m.reminderAddInput),
  'reminders.update': channel<Reminder>()(remindersSchemas, (m) => m.reminderUpdateInput),
  /**
   * Marks it done; a repeating reminder gets its next occurrence, returned as `next`. With
   * `call`, a call with that text is logged on the client's feed in the same transaction.
   */
  'reminders.complete': channel<CompleteResult>()(remindersSchemas, (m) => m.reminderCompleteInput),
  /** Hides it until `until` (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`). */
  'reminders.snooze': channel<Reminder>()(remindersSchemas, (m) => m.reminderSnoozeInput),
  'reminders.delete': channel<Reminder>()(remindersSchemas, (m) => m.reminderIdInput),
  /** A client's open reminders (and done ones with `includeDone`), soonest first. */
  'reminders.list': channel<Reminder[]>()(remindersSchemas, (m) => m.reminderListInput),
  /** The Today screen for `date`: reminders overdue, today and in `days` (7), birthdays, needs a touch. */
  'reminders.agenda': channel<Agenda>()(remindersSchemas, (m) => m.agendaInput),
  /** Contact cadence by stage and the birthday look-ahead. */
  'cadence.get': bare<CadenceSettings>(),
  'cadence.set': channel<CadenceSettings>()(remindersSchemas, (m) => m.cadenceSetInput),
  /** The stage ladder's rules: automatic moves from sales on or off, what makes a client regular. */
  'stageRules.get': bare<StageRules>(),
  'stageRules.set': channel<StageRules>()(stagesSchemas, (m) => m.stageRulesSetInput),
  /** Useful content / company news / offer split of a client's last contacts (12 by default). */
  'clients.touchMix': channel<TouchMix>()(remindersSchemas, (m) => m.touchMixInput),
  /** A sale of a client; `amount` and `margin` in minor units (negative amount = a return). */
  'sales.add': channel<Sale>()(salesSchemas, (m) => m.saleAddInput),
  'sales.update': channel<Sale>()(salesSchemas, (m) => m.saleUpdateInput),
  'sales.delete': channel<Sale>()(salesSchemas, (m) => m.saleIdInput),
  /** A client's sales, newest first. */
  'sales.list': channel<Sale[]>()(salesSchemas, (m) => m.saleListInput),
  /** A client's totals: all time, by month (for the chart) and by category. */
  'sales.summary': channel<SalesSummary>()(salesSchemas, (m) => m.saleListInput),
  /** Plan and/or potential of a client for a category and period (`YYYY`, `YYYY-Qn`, `YYYY-MM`). */
  'plans.set': channel<Plan>()(salesSchemas, (m) => m.planSetInput),
  'plans.list': channel<Plan[]>()(salesSchemas, (m) => m.planListInput),
  /** Actual, plan, potential, fulfilment, penetration, headroom (up-sale, cross-sale) by group. */
  'plans.report': channel<PlanReport>()(salesSchemas, (m) => m.planReportInput),
  /** Copies plans of one period to another with a growth percentage, as one batch. */
  'plans.copy': channel<PlanBulkResult>()(salesSchemas, (m) => m.planCopyInput),
  /** Potential from a portrait field: value × spend per unit per month × months in the period. */
  'plans.potentialFromField': channel<PlanBulkResult>()(
    salesSchemas,
    (m) => m.potentialFormulaInput,
  ),
  /**
   * Reads a CSV or Excel file: detected encoding and delimiter, headers, the first rows, and the
   * suggested mapping of columns to fields (remembered from earlier imports, else from headers).
   */
  'import.preview': channel<ImportPreview>()(importsSchemas, (m) => m.importPreviewInput),
  /** Checks a mapping against the whole file: row errors, duplicates, what will change. Writes nothing. */
  'import.check': channel<ImportCheck>()(importsSchemas, (m) => m.importCheckInput),
  /**
   * Imports the file in one transaction as one history batch (undo it with `history.undoBatch`).
   * `onDuplicate` decides rows matching a client by code, tax id, email or phone (or, for sales,
   * an existing sale); `onInvalid: 'abort'` writes nothing when any row has an error.
   */
  'import.run': channel<ImportResult>()(importsSchemas, (m) => m.importRunInput),
  /** Progress of the running import step: phase, rows done, time left. */
  'import.status': bare<ImportStatus>(),
  /** Stops the running import step; a run's transaction is rolled back, nothing is written. */
  'import.cancel': bare<ImportStatus>(),
  /** The desktop app's file dialog; the browser shell uploads the file instead (`POST /upload`). */
  'import.pickFile': bare<PickedFile>(),
  /**
   * Every client a list query matches (same `query` as `clients.list`), in the list's order, as
   * CSV or Excel with the given columns (`{ key, label }`, keys as in the list's columns): manager
   * names, stage names in the workbook's language, typed numbers, money and dates.
   */
  'export.clients': channel<ExportFile>()(exportsSchemas, (m) => m.exportClientsInput),
  /**
   * A table the renderer already holds (a report) as CSV or Excel: `columns` of
   * `{ label, type }`, `rows` of plain values typed by column; at most 500 columns, 200,000 rows.
   */
  'export.table': channel<ExportFile>()(exportsSchemas, (m) => m.exportTableInput),
  /** Retention, cohort retention and churn per period: `(E − N) / S` with S, E active clients. */
  'analytics.retention': channel<RetentionResult>()(analyticsSchemas, (m) => m.retentionInput),
  /** ABC by revenue share and XYZ by the regularity of monthly (weekly, quarterly) revenue. */
  'analytics.abcxyz': channel<AbcXyzResult>()(analyticsSchemas, (m) => m.abcxyzInput),
  /** Each client's ABC×XYZ class in window a and in window b, as a transition table. */
  'analytics.migration': channel<MigrationResultOut>()(analyticsSchemas, (m) => m.migrationInput),
  /** Recency, frequency, monetary scores 1–5 by quintile and named segments at `asOf`. */
  'analytics.rfm': channel<RfmResultOut>()(analyticsSchemas, (m) => m.rfmInput),
  /** LTV = average check × purchases per month × margin share × lifetime, each part shown. */
  'analytics.ltv': channel<LtvResult>()(analyticsSchemas, (m) => m.ltvInput),
  /** BG/NBD fitted on the history to `calibrationEnd`: P(alive) and expected purchases per client. */
  'analytics.clv': channel<ClvResultOut>()(analyticsSchemas, (m) => m.clvInput),
  /** Every figure of the dashboard for the current and the previous window. */
  'analytics.dashboard': channel<Dashboard>()(analyticsSchemas, (m) => m.dashboardInput),
  /** The clients behind one part of a chart (a matrix cell, a migration, a segment). */
  'analytics.drill': channel<DrillResult>()(analyticsSchemas, (m) => m.drillInput),
  /** Clients overdue by more than their own rhythm ("slipping away"), ranked by value. */
  'analytics.due': channel<DueResultOut>()(analyticsSchemas, (m) => m.dueInput),
  /** Lost clients with their reason, value and last contact, most valuable first. */
  'analytics.winBack': bare<WinBackClient[]>(),
  'analytics.winBackList': channel<WinBackList>()(analyticsSchemas, (m) => m.winBackListInput),
  'analytics.settings': bare<AnalyticsSettings>(),
  'settings.setAnalytics': channel<AnalyticsSettings>()(
    analyticsSchemas,
    (m) => m.analyticsSettingsInput,
  ),
  /** An NPS answer (0–10) recorded on a card. */
  'nps.add': channel<NpsAnswer>()(analyticsSchemas, (m) => m.npsAddInput),
  'nps.list': channel<NpsAnswer[]>()(analyticsSchemas, (m) => m.npsListInput),
  'nps.delete': channel<NpsAnswer>()(analyticsSchemas, (m) => m.npsIdInput),
  'settings.get': bare<Settings>(),
  'settings.set': channel<Settings>()(settingsSchemas, (m) => m.settingsSetInput),
  /** Program version and the open workbook. */
  'app.info': bare<AppInfo>(),
  /**
   * The desktop app's native dialog for a workbook file: `open` an existing one, or name the
   * file of a new workbook (`create`) or of a copy (`saveCopy`), `.kartoteka` added when
   * missing. `path` is null when the user closed the dialog; the browser shell answers
   * `unavailable` (its screens take a typed path).
   */
  'workbook.pickFile': channel<PickedFile>()(workbookFilesSchemas, (m) => m.workbookPickFileInput),
  /**
   * The desktop app prints the window's page (the meeting brief, laid out by its print
   * stylesheet) to a PDF saved where the user chooses; `path` is null when the dialog was
   * closed. The browser shell answers `unavailable`: there the page calls the browser's print.
   */
  'print.toPdf': channel<PickedFile>()(workbookFilesSchemas, (m) => m.printToPdfInput),
  /** The open workbook: its file, name, size, format, and whether it is read-only and why. */
  'workbook.info': bare<WorkbookInfo>(),
  /** Opens another workbook (refusing anything that is not one, before touching the open one). */
  'workbook.open': channel<WorkbookInfo>()(workbookSchemas, (m) => m.workbookOpenInput),
  /** Makes a new, empty workbook (the file must not exist) and opens it. */
  'workbook.create': channel<WorkbookInfo>()(workbookSchemas, (m) => m.workbookCreateInput),
  /**
   * Opens the demo workbook (a small realistic client base in the app's own folder), building
   * it first when there is none; the UI keeps its language.
   */
  'workbook.openDemo': bare<WorkbookInfo>(),
  /** A complete copy of the open workbook, written while the app runs (online backup). */
  'workbook.saveCopy': channel<WorkbookCopy>()(workbookSchemas, (m) => m.workbookSaveCopyInput),
  /** Workbooks opened here lately, newest first; `exists` is false for one no longer there. */
  'workbook.recent': bare<RecentWorkbook[]>(),
  /** A backup of the open workbook, now (kind `manual`, kept until deleted). */
  'workbook.backup': bare<BackupInfo>(),
  /** The open workbook's backups, newest first; `findGood` marks the newest sound one. */
  'workbook.backups': channel<BackupInfo[]>()(backupsSchemas, (m) => m.workbookBackupsInput),
  /**
   * Puts one of the backups in the place of the open workbook and opens it; the workbook as it
   * was is kept aside first (`keptAs`, a `before-restore` backup).
   */
  'workbook.restore': channel<RestoreResult>()(backupsSchemas, (m) => m.workbookBackupPathInput),
  /** Deletes one of the open workbook's backups; the list after it. */
  'workbook.deleteBackup': channel<BackupInfo[]>()(
    backupsSchemas,
    (m) => m.workbookBackupPathInput,
  ),
  /**
   * Portable mode: writes the working copy back to the file on the stick (atomically, the
   * previous version kept as `.bak`), or to `path`, which then becomes the file saved to.
   */
  'workbook.save': channel<WorkbookInfo>()(workbookSchemas, (m) => m.workbookSaveInput),
  /**
   * Sets this device's hub (`url` with the password, kept outside the workbook) and name. With
   * `workbookId`, joins that hub workbook: this one must be empty or a copy of it.
   */
  'sync.configure': channel<SyncStatus>()(syncSchemas, (m) => m.syncConfigureInput),
  /** Whether sync is set up, when it last ran, how many changes wait, the last error. */
  'sync.status': bare<SyncStatus>(),
  /** Pushes this device's changes, pulls the others' and merges them field by field. */
  'sync.now': bare<SyncResult>(),
  /** Reaches the hub at `url` without changing anything: server version, the hub's workbooks. */
  'sync.test': channel<SyncTestResult>()(syncSchemas, (m) => m.syncTestInput),
  /** Values that lost to a concurrent change of the same field on another device. */
  'sync.conflicts': channel<SyncConflict[]>()(syncSchemas, (m) => m.syncConflictsInput),
  /** Keeps one side of a conflict: keeping the losing one is a new change that wins everywhere. */
  'sync.resolve': channel<SyncConflict>()(syncSchemas, (m) => m.syncResolveInput),
  /** Forgets the hub on this device (the workbook and its changes stay). */
  'sync.disconnect': bare<SyncStatus>(),
  /** Writes the changes the partner has not seen to a file (no network needed). */
  'exchange.export': channel<ExchangeExportResult>()(syncSchemas, (m) => m.exchangeExportInput),
  /** Applies an exchange file; a file applied twice or out of order changes nothing more. */
  'exchange.import': channel<ExchangeImportResult>()(syncSchemas, (m) => m.exchangeImportInput),
  /**
   * Sets (`new`), changes (`old` and `new`) or removes (`old` only) the open workbook's
   * password: the file is re-encrypted into a new one, checked, then put in its place.
   */
  'workbook.setPassword': channel<WorkbookInfo>()(
    workbookSchemas,
    (m) => m.workbookSetPasswordInput,
  ),
  /** The first workbook, encrypted, while nothing is open until its password is given; else null. */
  'workbook.awaitingPassword': bare<AwaitingPassword | null>(),
  /**
   * Starts a campaign: the audience (a list query or a selection) frozen now, a `holdoutPct`
   * share drawn into the control group by the seeded order (reproducible with `seed`).
   */
  'campaigns.create': channel<Campaign>()(campaignsSchemas, (m) => m.campaignCreateInput),
  /** Every campaign, newest first, with its group sizes and contacts so far. */
  'campaigns.list': bare<Campaign[]>(),
  /** One campaign with its members, by client name. */
  'campaigns.get': channel<CampaignDetail>()(campaignsSchemas, (m) => m.campaignIdInput),
  /** A contact member's status and outcome; a control member is left alone (`conflict`). */
  'campaigns.mark': channel<CampaignMember>()(campaignsSchemas, (m) => m.campaignMarkInput),
  /** Contact vs control over `windowDays` after each contact: rates, money, 95 % intervals. */
  'campaigns.report': channel<CampaignReport>()(campaignsSchemas, (m) => m.campaignReportInput),
  /** Day by day since each contact: cumulative share who bought and revenue per client. */
  'campaigns.curve': channel<CampaignCurve>()(campaignsSchemas, (m) => m.campaignCurveInput),
  /** Every live campaign with its report over one window, in one pass over the sales. */
  'campaigns.compare': channel<CampaignComparisonRow[]>()(
    campaignsSchemas,
    (m) => m.campaignCompareInput,
  ),
  /**
   * A recurring campaign (or, without `id`, every one) re-runs its filter: clients who match
   * now join, drawn into contact or control with the stored seed; members keep their groups.
   */
  'campaigns.refresh': channel<CampaignRefreshResult>()(
    campaignsSchemas,
    (m) => m.campaignRefreshInput,
  ),
  /** Moves a campaign to the trash (its members and marks kept). */
  'campaigns.delete': channel<Campaign>()(campaignsSchemas, (m) => m.campaignIdInput),
  /** Brings a campaign back from the trash. */
  'campaigns.restore': channel<Campaign>()(campaignsSchemas, (m) => m.campaignIdInput),
  /** One action on a selection or a filter result: a bulk edit, or starting a campaign. */
  'lists.act': channel<ListActResult>()(campaignsSchemas, (m) => m.listActInput),
  /**
   * The template filled for the first `limit` clients of an audience (`filter` or `ids`) or of a
   * campaign's pending contacts (`id`); an unknown placeholder is refused on `template`.
   */
  'campaigns.preview': channel<CampaignMessage[]>()(
    campaignMessagesSchemas,
    (m) => m.campaignPreviewInput,
  ),
  /** A campaign's contacts still to do, each with its contact and its message. */
  'campaigns.outbox': channel<CampaignOutbox>()(campaignsSchemas, (m) => m.campaignIdInput),
  /**
   * Messages sent to members (`via` the user's program): each logged on its card with the
   * message and the campaign's touch tag, and the member marked contacted, in one transaction.
   */
  'campaigns.sent': channel<CampaignSentResult>()(
    campaignMessagesSchemas,
    (m) => m.campaignSentInput,
  ),
  /**
   * A CSV for a mailing (`email`: email,name,first_name,message) or SMS service (`sms`:
   * phone,name,message) of the pending contacts that have one, UTF-8 with a BOM.
   */
  'campaigns.exportCsv': channel<CampaignCsvFile>()(
    campaignMessagesSchemas,
    (m) => m.campaignExportCsvInput,
  ),
  /** Campaigns with contacts still to do, for Today. */
  'campaigns.todo': bare<CampaignTodo[]>(),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
/** The input schema's type of a channel. */
type SchemaOf<C extends ChannelName> = NonNullable<Contract[C]['schema']>;
export type InputOf<C extends ChannelName> = z.input<SchemaOf<C>>;
export type ParsedInputOf<C extends ChannelName> = z.output<SchemaOf<C>>;
export type OutputOf<C extends ChannelName> =
  Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

export const CHANNELS = Object.keys(contract) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What every call returns, over any transport. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export interface ApiIssue {
  /** Dotted path of the input that caused it, e.g. `patch.phone`. */
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code:
    | 'unknown_channel'
    | 'invalid_input'
    | 'not_found'
    | 'conflict'
    | 'internal'
    | 'unavailable'
    /** The disk holding the workbook is full: nothing was written; free space and retry. */
    | 'disk_full'
    /** Another program or window holds the workbook for writing; it may be opened read-only. */
    | 'locked'
    /** The workbook is encrypted: ask for its password. */
    | 'password_required'
    /** The password does not open the workbook. */
    | 'wrong_password'
    /** The workbook failed its integrity check: offer its newest good backup. */
    | 'damaged'
    /** The workbook is open read-only: nothing can be written. */
    | 'read_only';
  message: string;
  /** The input field the error concerns, when there is one. */
  field?: string;
  issues?: ApiIssue[];
}

export type * from './analytics';
export type * from './clients';
export type * from './comments';
export * from './enums';
export type * from './exports';
export type * from './fields';
export type * from './imports';
export type * from './list';
export type * from './workbook';
export type * from './workbook-files';
export type * from './backups';
export * from './workbook-password';
export type * from './managers';
export type * from './reminders';
export type * from './sales';
export type * from './settings';
export type * from './stages';
export type * from './sync';
export type * from './campaigns';
export * from './campaign-enums';
export type * from './campaign-messages';
