/**
 * The one contract between the renderer and the main process: every channel's name, its zod
 * input schema and its output type, declared once. The renderer imports only types from here.
 */
import { z } from 'zod';
import {
  clientBulkInput,
  clientCreateInput,
  clientGetInput,
  clientIdInput,
  clientListInput,
  clientUpdateInput,
  historyAsOfInput,
  historyBatchesInput,
  historyListInput,
  historyRevertInput,
  historyUndoBatchInput,
  type Batch,
  type BulkResult,
  type Client,
  type ClientList,
  type HistoryEntry,
  type TrashResult,
  type UndoResult,
} from './clients';
import {
  commentAddInput,
  commentIdInput,
  commentListInput,
  commentUpdateInput,
  type Comment,
} from './comments';
import {
  exchangeExportInput,
  exchangeImportInput,
  syncConfigureInput,
  syncConflictsInput,
  syncResolveInput,
  syncTestInput,
  type ExchangeExportResult,
  type ExchangeImportResult,
  type SyncConflict,
  type SyncResult,
  type SyncStatus,
  type SyncTestResult,
} from './sync';
import {
  fieldDefineInput,
  fieldKeyInput,
  fieldListInput,
  fieldReorderInput,
  fieldUpdateInput,
  type FieldDef,
} from './fields';
import {
  lostReasonAddInput,
  lostReasonUpdateInput,
  managerAddInput,
  managerReassignInput,
  managerUpdateInput,
  viewIdInput,
  viewSaveInput,
  type LostReason,
  type Manager,
  type ManagerName,
  type SavedView,
} from './managers';
import {
  agendaInput,
  cadenceSetInput,
  reminderAddInput,
  reminderCompleteInput,
  reminderIdInput,
  reminderListInput,
  reminderSnoozeInput,
  reminderUpdateInput,
  touchMixInput,
  type Agenda,
  type CadenceSettings,
  type CompleteResult,
  type Reminder,
  type TouchMix,
} from './reminders';
import {
  planCopyInput,
  planListInput,
  planReportInput,
  planSetInput,
  potentialFormulaInput,
  saleAddInput,
  saleIdInput,
  saleListInput,
  saleUpdateInput,
  type Plan,
  type PlanBulkResult,
  type PlanReport,
  type Sale,
  type SalesSummary,
} from './sales';
import { settingsSetInput, type AppInfo, type Settings } from './settings';
import {
  campaignCreateInput,
  campaignIdInput,
  campaignMarkInput,
  campaignReportInput,
  campaignCurveInput,
  campaignCompareInput,
  campaignRefreshInput,
  listActInput,
  type Campaign,
  type CampaignDetail,
  type CampaignMember,
  type CampaignReport,
  type CampaignCurve,
  type CampaignComparisonRow,
  type CampaignRefreshResult,
  type ListActResult,
} from './campaigns';
import {
  campaignExportCsvInput,
  campaignPreviewInput,
  campaignSentInput,
  type CampaignCsvFile,
  type CampaignMessage,
  type CampaignOutbox,
  type CampaignSentResult,
  type CampaignTodo,
} from './campaign-messages';
import {
  abcxyzInput,
  analyticsSettingsInput,
  clvInput,
  dashboardInput,
  drillInput,
  dueInput,
  winBackListInput,
  ltvInput,
  migrationInput,
  npsAddInput,
  npsIdInput,
  npsListInput,
  retentionInput,
  rfmInput,
  type AbcXyzResult,
  type AnalyticsSettings,
  type ClvResultOut,
  type Dashboard,
  type DrillResult,
  type DueResultOut,
  type WinBackList,
  type LtvResult,
  type MigrationResultOut,
  type NpsAnswer,
  type RetentionResult,
  type RfmResultOut,
  type WinBackClient,
} from './analytics';
import {
  importCheckInput,
  importPreviewInput,
  importRunInput,
  type ImportCheck,
  type ImportPreview,
  type ImportResult,
  type ImportStatus,
  type PickedFile,
} from './imports';
import { exportClientsInput, exportTableInput, type ExportFile } from './exports';
import { stageRulesSetInput, type StageRules } from './stages';
import { printToPdfInput, workbookPickFileInput } from './workbook-files';
import { workbookBackupPathInput, workbookBackupsInput } from './backups';
import type { AwaitingPassword } from './workbook-password';
import {
  workbookCreateInput,
  workbookOpenInput,
  workbookSaveCopyInput,
  workbookSaveInput,
  type BackupInfo,
  workbookSetPasswordInput,
  type RecentWorkbook,
  type RestoreResult,
  type WorkbookCopy,
  type WorkbookInfo,
} from './workbook';

/** A channel: its input schema, and its output type carried as a phantom. */
export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Never set; carries the output type for `OutputOf`. */
  readonly output?: O;
}

const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });

const noInput = z.object({}).strict().optional();

export const contract = {
  /** Creates a client from its standard fields; returns it with its new `id`. */
  'clients.create': channel<Client>()(clientCreateInput),
  /** One client with its custom field values under `custom`. */
  'clients.get': channel<Client>()(clientGetInput),
  /** Changes some fields; every changed field is written to history in the same transaction. */
  'clients.update': channel<Client>()(clientUpdateInput),
  /** Clients not in the trash, ordered by name; `query` matches name, company, email, phone digits. */
  'clients.list': channel<ClientList>()(clientListInput),
  /** Moves a client to the trash (restorable with everything attached). */
  'clients.delete': channel<Client>()(clientIdInput),
  /** Brings a client back from the trash. */
  'clients.restore': channel<Client>()(clientIdInput),
  /** One action on a selection or a whole filter result, recorded as one batch. */
  'clients.bulk': channel<BulkResult>()(clientBulkInput),
  /** Deletes for good every client in the trash, with its comments, reminders and history. */
  'trash.empty': channel<TrashResult>()(noInput),
  /** A client's change history (fields, custom fields, comments), newest first. */
  'history.list': channel<HistoryEntry[]>()(historyListInput),
  /** Puts back the old value of one change; the restore is itself a change. */
  'history.revert': channel<Client>()(historyRevertInput),
  /** Undoes a whole batch (a bulk edit, an import); fields edited since are left alone. */
  'history.undoBatch': channel<UndoResult>()(historyUndoBatchInput),
  /** The card as it was at a moment: null when the client did not exist yet. */
  'history.asOf': channel<Client | null>()(historyAsOfInput),
  /** Recent batches, newest first, for review and undo. */
  'history.batches': channel<Batch[]>()(historyBatchesInput),
  'comments.add': channel<Comment>()(commentAddInput),
  /** A client's comments, newest first, optionally of one kind. */
  'comments.list': channel<Comment[]>()(commentListInput),
  'comments.update': channel<Comment>()(commentUpdateInput),
  'comments.delete': channel<Comment>()(commentIdInput),
  /** Defines a custom field; defining an existing key again updates its label, options, group. */
  'fields.define': channel<FieldDef>()(fieldDefineInput),
  'fields.update': channel<FieldDef>()(fieldUpdateInput),
  /** Hides a field from cards; its values are kept and come back with `fields.unretire`. */
  'fields.retire': channel<FieldDef>()(fieldKeyInput),
  'fields.unretire': channel<FieldDef>()(fieldKeyInput),
  'fields.reorder': channel<FieldDef[]>()(fieldReorderInput),
  'fields.list': channel<FieldDef[]>()(fieldListInput),
  'managers.list': channel<Manager[]>()(noInput),
  /**
   * The managers without their clients counted: what the list, the card and the filters show.
   * Counting reads the whole manager index (80 ms cold on 100,000 clients, on the start's path).
   */
  'managers.names': channel<ManagerName[]>()(noInput),
  'managers.add': channel<Manager>()(managerAddInput),
  'managers.update': channel<Manager>()(managerUpdateInput),
  /** Gives all of one manager's clients to another, as one batch. */
  'managers.reassign': channel<BulkResult>()(managerReassignInput),
  'lostReasons.list': channel<LostReason[]>()(noInput),
  'lostReasons.add': channel<LostReason>()(lostReasonAddInput),
  'lostReasons.update': channel<LostReason>()(lostReasonUpdateInput),
  'views.list': channel<SavedView[]>()(noInput),
  'views.save': channel<SavedView>()(viewSaveInput),
  'views.delete': channel<SavedView>()(viewIdInput),
  /** A reminder on a client: `due` is `YYYY-MM-DD` or local `YYYY-MM-DDTHH:mm`; `repeat` optional. */
  'reminders.add': channel<Reminder>()(reminderAddInput),
  'reminders.update': channel<Reminder>()(reminderUpdateInput),
  /**
   * Marks it done; a repeating reminder gets its next occurrence, returned as `next`. With
   * `call`, a call with that text is logged on the client's feed in the same transaction.
   */
  'reminders.complete': channel<CompleteResult>()(reminderCompleteInput),
  /** Hides it until `until` (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`). */
  'reminders.snooze': channel<Reminder>()(reminderSnoozeInput),
  'reminders.delete': channel<Reminder>()(reminderIdInput),
  /** A client's open reminders (and done ones with `includeDone`), soonest first. */
  'reminders.list': channel<Reminder[]>()(reminderListInput),
  /** The Today screen for `date`: reminders overdue, today and in `days` (7), birthdays, needs a touch. */
  'reminders.agenda': channel<Agenda>()(agendaInput),
  /** Contact cadence by stage and the birthday look-ahead. */
  'cadence.get': channel<CadenceSettings>()(noInput),
  'cadence.set': channel<CadenceSettings>()(cadenceSetInput),
  /** The stage ladder's rules: automatic moves from sales on or off, what makes a client regular. */
  'stageRules.get': channel<StageRules>()(noInput),
  'stageRules.set': channel<StageRules>()(stageRulesSetInput),
  /** Useful content / company news / offer split of a client's last contacts (12 by default). */
  'clients.touchMix': channel<TouchMix>()(touchMixInput),
  /** A sale of a client; `amount` and `margin` in minor units (negative amount = a return). */
  'sales.add': channel<Sale>()(saleAddInput),
  'sales.update': channel<Sale>()(saleUpdateInput),
  'sales.delete': channel<Sale>()(saleIdInput),
  /** A client's sales, newest first. */
  'sales.list': channel<Sale[]>()(saleListInput),
  /** A client's totals: all time, by month (for the chart) and by category. */
  'sales.summary': channel<SalesSummary>()(saleListInput),
  /** Plan and/or potential of a client for a category and period (`YYYY`, `YYYY-Qn`, `YYYY-MM`). */
  'plans.set': channel<Plan>()(planSetInput),
  'plans.list': channel<Plan[]>()(planListInput),
  /** Actual, plan, potential, fulfilment, penetration, headroom (up-sale, cross-sale) by group. */
  'plans.report': channel<PlanReport>()(planReportInput),
  /** Copies plans of one period to another with a growth percentage, as one batch. */
  'plans.copy': channel<PlanBulkResult>()(planCopyInput),
  /** Potential from a portrait field: value × spend per unit per month × months in the period. */
  'plans.potentialFromField': channel<PlanBulkResult>()(potentialFormulaInput),
  /**
   * Reads a CSV or Excel file: detected encoding and delimiter, headers, the first rows, and the
   * suggested mapping of columns to fields (remembered from earlier imports, else from headers).
   */
  'import.preview': channel<ImportPreview>()(importPreviewInput),
  /** Checks a mapping against the whole file: row errors, duplicates, what will change. Writes nothing. */
  'import.check': channel<ImportCheck>()(importCheckInput),
  /**
   * Imports the file in one transaction as one history batch (undo it with `history.undoBatch`).
   * `onDuplicate` decides rows matching a client by code, tax id, email or phone (or, for sales,
   * an existing sale); `onInvalid: 'abort'` writes nothing when any row has an error.
   */
  'import.run': channel<ImportResult>()(importRunInput),
  /** Progress of the running import step: phase, rows done, time left. */
  'import.status': channel<ImportStatus>()(noInput),
  /** Stops the running import step; a run's transaction is rolled back, nothing is written. */
  'import.cancel': channel<ImportStatus>()(noInput),
  /** The desktop app's file dialog; the browser shell uploads the file instead (`POST /upload`). */
  'import.pickFile': channel<PickedFile>()(noInput),
  /**
   * Every client a list query matches (same `query` as `clients.list`), in the list's order, as
   * CSV or Excel with the given columns (`{ key, label }`, keys as in the list's columns): manager
   * names, stage names in the workbook's language, typed numbers, money and dates.
   */
  'export.clients': channel<ExportFile>()(exportClientsInput),
  /**
   * A table the renderer already holds (a report) as CSV or Excel: `columns` of
   * `{ label, type }`, `rows` of plain values typed by column; at most 500 columns, 200,000 rows.
   */
  'export.table': channel<ExportFile>()(exportTableInput),
  /** Retention, cohort retention and churn per period: `(E − N) / S` with S, E active clients. */
  'analytics.retention': channel<RetentionResult>()(retentionInput),
  /** ABC by revenue share and XYZ by the regularity of monthly (weekly, quarterly) revenue. */
  'analytics.abcxyz': channel<AbcXyzResult>()(abcxyzInput),
  /** Each client's ABC×XYZ class in window a and in window b, as a transition table. */
  'analytics.migration': channel<MigrationResultOut>()(migrationInput),
  /** Recency, frequency, monetary scores 1–5 by quintile and named segments at `asOf`. */
  'analytics.rfm': channel<RfmResultOut>()(rfmInput),
  /** LTV = average check × purchases per month × margin share × lifetime, each part shown. */
  'analytics.ltv': channel<LtvResult>()(ltvInput),
  /** BG/NBD fitted on the history to `calibrationEnd`: P(alive) and expected purchases per client. */
  'analytics.clv': channel<ClvResultOut>()(clvInput),
  /** Every figure of the dashboard for the current and the previous window. */
  'analytics.dashboard': channel<Dashboard>()(dashboardInput),
  /** The clients behind one part of a chart (a matrix cell, a migration, a segment). */
  'analytics.drill': channel<DrillResult>()(drillInput),
  /** Clients overdue by more than their own rhythm ("slipping away"), ranked by value. */
  'analytics.due': channel<DueResultOut>()(dueInput),
  /** Lost clients with their reason, value and last contact, most valuable first. */
  'analytics.winBack': channel<WinBackClient[]>()(noInput),
  'analytics.winBackList': channel<WinBackList>()(winBackListInput),
  'analytics.settings': channel<AnalyticsSettings>()(noInput),
  'settings.setAnalytics': channel<AnalyticsSettings>()(analyticsSettingsInput),
  /** An NPS answer (0–10) recorded on a card. */
  'nps.add': channel<NpsAnswer>()(npsAddInput),
  'nps.list': channel<NpsAnswer[]>()(npsListInput),
  'nps.delete': channel<NpsAnswer>()(npsIdInput),
  'settings.get': channel<Settings>()(noInput),
  'settings.set': channel<Settings>()(settingsSetInput),
  /** Program version and the open workbook. */
  'app.info': channel<AppInfo>()(noInput),
  /**
   * The desktop app's native dialog for a workbook file: `open` an existing one, or name the
   * file of a new workbook (`create`) or of a copy (`saveCopy`), `.kartoteka` added when
   * missing. `path` is null when the user closed the dialog; the browser shell answers
   * `unavailable` (its screens take a typed path).
   */
  'workbook.pickFile': channel<PickedFile>()(workbookPickFileInput),
  /**
   * The desktop app prints the window's page (the meeting brief, laid out by its print
   * stylesheet) to a PDF saved where the user chooses; `path` is null when the dialog was
   * closed. The browser shell answers `unavailable`: there the page calls the browser's print.
   */
  'print.toPdf': channel<PickedFile>()(printToPdfInput),
  /** The open workbook: its file, name, size, format, and whether it is read-only and why. */
  'workbook.info': channel<WorkbookInfo>()(noInput),
  /** Opens another workbook (refusing anything that is not one, before touching the open one). */
  'workbook.open': channel<WorkbookInfo>()(workbookOpenInput),
  /** Makes a new, empty workbook (the file must not exist) and opens it. */
  'workbook.create': channel<WorkbookInfo>()(workbookCreateInput),
  /**
   * Opens the demo workbook (a small realistic client base in the app's own folder), building
   * it first when there is none; the UI keeps its language.
   */
  'workbook.openDemo': channel<WorkbookInfo>()(noInput),
  /** A complete copy of the open workbook, written while the app runs (online backup). */
  'workbook.saveCopy': channel<WorkbookCopy>()(workbookSaveCopyInput),
  /** Workbooks opened here lately, newest first; `exists` is false for one no longer there. */
  'workbook.recent': channel<RecentWorkbook[]>()(noInput),
  /** A backup of the open workbook, now (kind `manual`, kept until deleted). */
  'workbook.backup': channel<BackupInfo>()(noInput),
  /** The open workbook's backups, newest first; `findGood` marks the newest sound one. */
  'workbook.backups': channel<BackupInfo[]>()(workbookBackupsInput),
  /**
   * Puts one of the backups in the place of the open workbook and opens it; the workbook as it
   * was is kept aside first (`keptAs`, a `before-restore` backup).
   */
  'workbook.restore': channel<RestoreResult>()(workbookBackupPathInput),
  /** Deletes one of the open workbook's backups; the list after it. */
  'workbook.deleteBackup': channel<BackupInfo[]>()(workbookBackupPathInput),
  /**
   * Portable mode: writes the working copy back to the file on the stick (atomically, the
   * previous version kept as `.bak`), or to `path`, which then becomes the file saved to.
   */
  'workbook.save': channel<WorkbookInfo>()(workbookSaveInput),
  /**
   * Sets this device's hub (`url` with the password, kept outside the workbook) and name. With
   * `workbookId`, joins that hub workbook: this one must be empty or a copy of it.
   */
  'sync.configure': channel<SyncStatus>()(syncConfigureInput),
  /** Whether sync is set up, when it last ran, how many changes wait, the last error. */
  'sync.status': channel<SyncStatus>()(noInput),
  /** Pushes this device's changes, pulls the others' and merges them field by field. */
  'sync.now': channel<SyncResult>()(noInput),
  /** Reaches the hub at `url` without changing anything: server version, the hub's workbooks. */
  'sync.test': channel<SyncTestResult>()(syncTestInput),
  /** Values that lost to a concurrent change of the same field on another device. */
  'sync.conflicts': channel<SyncConflict[]>()(syncConflictsInput),
  /** Keeps one side of a conflict: keeping the losing one is a new change that wins everywhere. */
  'sync.resolve': channel<SyncConflict>()(syncResolveInput),
  /** Forgets the hub on this device (the workbook and its changes stay). */
  'sync.disconnect': channel<SyncStatus>()(noInput),
  /** Writes the changes the partner has not seen to a file (no network needed). */
  'exchange.export': channel<ExchangeExportResult>()(exchangeExportInput),
  /** Applies an exchange file; a file applied twice or out of order changes nothing more. */
  'exchange.import': channel<ExchangeImportResult>()(exchangeImportInput),
  /**
   * Sets (`new`), changes (`old` and `new`) or removes (`old` only) the open workbook's
   * password: the file is re-encrypted into a new one, checked, then put in its place.
   */
  'workbook.setPassword': channel<WorkbookInfo>()(workbookSetPasswordInput),
  /** The first workbook, encrypted, while nothing is open until its password is given; else null. */
  'workbook.awaitingPassword': channel<AwaitingPassword | null>()(noInput),
  /**
   * Starts a campaign: the audience (a list query or a selection) frozen now, a `holdoutPct`
   * share drawn into the control group by the seeded order (reproducible with `seed`).
   */
  'campaigns.create': channel<Campaign>()(campaignCreateInput),
  /** Every campaign, newest first, with its group sizes and contacts so far. */
  'campaigns.list': channel<Campaign[]>()(noInput),
  /** One campaign with its members, by client name. */
  'campaigns.get': channel<CampaignDetail>()(campaignIdInput),
  /** A contact member's status and outcome; a control member is left alone (`conflict`). */
  'campaigns.mark': channel<CampaignMember>()(campaignMarkInput),
  /** Contact vs control over `windowDays` after each contact: rates, money, 95 % intervals. */
  'campaigns.report': channel<CampaignReport>()(campaignReportInput),
  /** Day by day since each contact: cumulative share who bought and revenue per client. */
  'campaigns.curve': channel<CampaignCurve>()(campaignCurveInput),
  /** Every live campaign with its report over one window, in one pass over the sales. */
  'campaigns.compare': channel<CampaignComparisonRow[]>()(campaignCompareInput),
  /**
   * A recurring campaign (or, without `id`, every one) re-runs its filter: clients who match
   * now join, drawn into contact or control with the stored seed; members keep their groups.
   */
  'campaigns.refresh': channel<CampaignRefreshResult>()(campaignRefreshInput),
  /** Moves a campaign to the trash (its members and marks kept). */
  'campaigns.delete': channel<Campaign>()(campaignIdInput),
  /** Brings a campaign back from the trash. */
  'campaigns.restore': channel<Campaign>()(campaignIdInput),
  /** One action on a selection or a filter result: a bulk edit, or starting a campaign. */
  'lists.act': channel<ListActResult>()(listActInput),
  /**
   * The template filled for the first `limit` clients of an audience (`filter` or `ids`) or of a
   * campaign's pending contacts (`id`); an unknown placeholder is refused on `template`.
   */
  'campaigns.preview': channel<CampaignMessage[]>()(campaignPreviewInput),
  /** A campaign's contacts still to do, each with its contact and its message. */
  'campaigns.outbox': channel<CampaignOutbox>()(campaignIdInput),
  /**
   * Messages sent to members (`via` the user's program): each logged on its card with the
   * message and the campaign's touch tag, and the member marked contacted, in one transaction.
   */
  'campaigns.sent': channel<CampaignSentResult>()(campaignSentInput),
  /**
   * A CSV for a mailing (`email`: email,name,first_name,message) or SMS service (`sms`:
   * phone,name,message) of the pending contacts that have one, UTF-8 with a BOM.
   */
  'campaigns.exportCsv': channel<CampaignCsvFile>()(campaignExportCsvInput),
  /** Campaigns with contacts still to do, for Today. */
  'campaigns.todo': channel<CampaignTodo[]>()(noInput),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
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

export * from './analytics';
export * from './clients';
export * from './comments';
export * from './enums';
export * from './exports';
export * from './fields';
export * from './imports';
export * from './list';
export * from './workbook';
export * from './workbook-files';
export * from './backups';
export * from './workbook-password';
export * from './managers';
export * from './reminders';
export * from './sales';
export * from './settings';
export * from './stages';
export * from './sync';
export * from './campaigns';
export * from './campaign-enums';
export * from './campaign-messages';
