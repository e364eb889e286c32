/**
 * The one dispatch: validates the input against the channel's schema, runs the handler and
 * returns an envelope. It never throws: expected failures come back as `AppError` data, anything
 * else is logged and returned as `internal`.
 */
import { type z } from 'zod';
import {
  contract,
  isChannelName,
  type ApiErrorBody,
  type ChannelDef,
  type ChannelName,
  type Envelope,
  type ParsedInputOf,
} from './contract';
import { CHANNEL_META } from './contract/channel-meta';
import type { AppContext } from './context';
import { AppError } from './errors';
import { handlers as defaultHandlers } from './handlers';
import type { Handler, HandlerMap } from './handlers/types';
import { localizeIssues } from './localize-issues';
import { translate } from './messages';
import { JsonText } from '../services/workers/json-text';
import type { Logger } from './logger';

/**
 * `json`: the caller writes the envelope as JSON with `envelopeBytes` (the browser shell), so
 * an answer that is JSON already stays as its bytes; without it every answer is a value.
 */
export type Dispatch = (
  channel: string,
  input: unknown,
  call?: { json?: boolean },
) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  handlers?: HandlerMap;
  logger: Logger;
}

export function createDispatch(ctx: AppContext, options: DispatchOptions): Dispatch {
  const handlers = options.handlers ?? defaultHandlers;
  const schemas = schemaQueue();
  return async (channel, input, call) => {
    let locale: ReturnType<AppContext['locale']> = 'en';
    try {
      locale = ctx.locale();
      if (!isChannelName(channel)) {
        return fail({
          code: 'unknown_channel',
          message: translate(locale, 'unknown_channel', { channel: channel.slice(0, 100) }),
        });
      }
      // Before the checks: nothing may come between them and the handler.
      const schema = schemas.now(channel) ?? (await schemas.load(channel));
      const meta = CHANNEL_META[channel];
      if (meta.waitsForImport && (ctx.importer.writing() || ctx.bulk.writing())) {
        // The import or bulk worker holds the write lock; waiting would freeze this thread.
        throw new AppError('conflict', 'workbook_busy');
      }
      const readOnly = ctx.session.isOpen() && !ctx.session.writable();
      // Channels on the workbook file itself run: their handlers know what read-only allows.
      if (readOnly && meta.writes === 'records') {
        // Refused before the handler runs: nothing half-done, and the same words for every write.
        if (ctx.session.isDamaged()) throw damagedError(ctx);
        throw new AppError('read_only', 'workbook_read_only');
      }
      const parsed = schema.safeParse(input, { reportInput: true });
      if (!parsed.success) return fail(invalidInput(parsed.error, locale));
      const handler = handlers[channel] as Handler<typeof channel>;
      // The channel's own schema parsed it.
      const data: unknown = await handler(parsed.data as ParsedInputOf<typeof channel>, ctx);
      return { ok: true, data: data instanceof JsonText && !call?.json ? data.parse() : data };
    } catch (error) {
      if (error instanceof AppError) {
        return fail({
          code: error.code,
          message: translate(locale, error.key, error.params),
          ...(error.field ? { field: error.field } : {}),
        });
      }
      const known = machineFailure(error, ctx, locale);
      if (known) return fail(known);
      options.logger.error(`dispatch ${channel} failed`, error);
      const details = error instanceof Error ? error.message : String(error);
      return fail({ code: 'internal', message: translate(locale, 'internal', { details }) });
    }
  };
}

/**
 * The channels' input schemas, each built on its channel's first call (see the contract). A call
 * whose schema is being built waits for it, and so does every call after it until it is built:
 * calls are handled in the order they came, as when every schema was there from the start (a
 * write sent after an undo must not overtake it, and find the workbook free).
 */
function schemaQueue() {
  let waiting: Promise<unknown> | undefined;
  const def = (channel: ChannelName): ChannelDef<z.ZodType, unknown> => contract[channel];
  return {
    /** The schema when it is built and no call waits for one; else undefined. */
    now: (channel: ChannelName) => (waiting ? undefined : def(channel).loaded()),
    load(channel: ChannelName): Promise<z.ZodType> {
      const mine = (waiting ?? Promise.resolve()).then(() => def(channel).load());
      const done: Promise<unknown> = mine.catch(() => undefined);
      waiting = done;
      void done.then(() => {
        if (waiting === done) waiting = undefined;
      });
      return mine;
    },
  };
}

/** The code of an error from SQLite or the file system, also when a library wrapped it. */
function systemCode(error: unknown): unknown {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (code !== undefined) return code;
  }
  return undefined;
}

/** The open workbook is damaged: written no more, and its backups are offered. */
function damagedError(ctx: AppContext): AppError {
  return new AppError('damaged', 'workbook_damaged', { name: ctx.session.info().name });
}

/** Failures of the machine rather than of Kartoteka, each with its code and what to do. */
function machineFailure(
  error: unknown,
  ctx: AppContext,
  locale: ReturnType<AppContext['locale']>,
): ApiErrorBody | null {
  const code = systemCode(error);
  if (code === 'SQLITE_BUSY')
    return { code: 'conflict', message: translate(locale, 'workbook_busy') };
  // SQLite met a page that does not hold together: the workbook is damaged from now on.
  if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code) && ctx.session.isOpen()) {
    ctx.session.setIntegrity(ctx.wb, 'damaged');
    const error = damagedError(ctx);
    return { code: 'damaged', message: translate(locale, error.key, error.params) };
  }
  // A write that reached a read-only connection or file all the same.
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    return { code: 'read_only', message: translate(locale, 'workbook_read_only') };
  }
  // A write that fails for want of space is rolled back whole: the message can say so.
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    const file = ctx.session.isOpen() ? ctx.wb.file : '';
    return { code: 'disk_full', message: translate(locale, 'disk_full', { path: file }) };
  }
  return null;
}

function invalidInput(error: z.ZodError, locale: ReturnType<AppContext['locale']>): ApiErrorBody {
  const issues = localizeIssues(error, locale);
  const first = issues[0];
  const details = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return {
    code: 'invalid_input',
    message: translate(locale, 'invalid_input', { details }),
    ...(first?.path ? { field: first.path } : {}),
    issues,
  };
}

function fail(error: ApiErrorBody): Envelope<never> {
  return { ok: false, error };
}
