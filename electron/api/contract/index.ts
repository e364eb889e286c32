/**
 * The one contract between the renderer and the main process: every channel's name, its zod
 * input schema and its output type, declared once. The renderer imports only types from here.
 */
import { z } from 'zod';
import {
  clientCreateInput,
  clientGetInput,
  clientListInput,
  clientUpdateInput,
  historyListInput,
  type Client,
  type ClientList,
  type HistoryEntry,
} from './clients';
import { settingsSetInput, type AppInfo, type Settings } from './settings';

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
  /** A client's change history, newest first. */
  'history.list': channel<HistoryEntry[]>()(historyListInput),
  'settings.get': channel<Settings>()(noInput),
  'settings.set': channel<Settings>()(settingsSetInput),
  /** Program version and the open workbook. */
  'app.info': channel<AppInfo>()(noInput),
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
  code: 'unknown_channel' | 'invalid_input' | 'not_found' | 'conflict' | 'internal' | 'unavailable';
  message: string;
  /** The input field the error concerns, when there is one. */
  field?: string;
  issues?: ApiIssue[];
}

export * from './clients';
export * from './enums';
export * from './settings';
