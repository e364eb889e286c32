/**
 * What went wrong talking to the hub, in words that say what to do. "Offline" (the network or
 * the server is not there right now) is told apart from real errors: being offline is normal on
 * the road and is shown without error noise, while a wrong password or a missing database needs
 * someone to act. Messages name the hub as `user@host:port/database`, never with its password.
 */
import { AppError } from '../../api/errors';
import type { MessageKey } from '../../api/messages';

/** Where the hub is, without the password: the parts messages may show. */
export interface HubTarget {
  /** `kt@shop-pc:5432/hub`. */
  label: string;
  user: string;
  database: string;
}

export class HubError extends AppError {
  constructor(
    code: 'unavailable' | 'invalid_input',
    key: MessageKey,
    params: Record<string, string | number>,
    /** The hub cannot be reached now; the next sync may well succeed without anyone acting. */
    readonly offline: boolean,
  ) {
    // A connection setting is at fault: the form's address field is where to fix it.
    super(code, key, params, code === 'invalid_input' ? 'url' : undefined);
    this.name = 'HubError';
  }
}

/** Node's socket and DNS errors that mean "not reachable now". */
const NETWORK_CODES: Record<string, MessageKey> = {
  ECONNREFUSED: 'sync_hub_refused',
  ENOTFOUND: 'sync_hub_unknown_host',
  EAI_AGAIN: 'sync_hub_unknown_host',
  ETIMEDOUT: 'sync_hub_unreachable',
  EHOSTUNREACH: 'sync_hub_unreachable',
  EHOSTDOWN: 'sync_hub_unreachable',
  ENETUNREACH: 'sync_hub_unreachable',
  ENETDOWN: 'sync_hub_unreachable',
  ECONNRESET: 'sync_hub_unreachable',
  ECONNABORTED: 'sync_hub_unreachable',
  EPIPE: 'sync_hub_unreachable',
};

/** PostgreSQL's SQLSTATEs of a server that is there but not taking connections right now. */
const BUSY_STATES = new Set(['53300', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

/** Node's certificate verification failures. */
const CERT_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

function codeOf(error: ErrorLike): string {
  return typeof error.code === 'string' ? error.code : '';
}

function messageOf(error: ErrorLike): string {
  return typeof error.message === 'string' ? error.message : '';
}

/** Node reports a refused connection to every address of a host as one AggregateError. */
function firstCause(error: unknown): ErrorLike {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (!codeOf(e) && Array.isArray(e.errors) && e.errors.length > 0) {
    return firstCause(e.errors[0]);
  }
  return e;
}

function offline(key: MessageKey, target: HubTarget): HubError {
  return new HubError('unavailable', key, { hub: target.label }, true);
}

/** Any error from `pg`, the network or TLS as the HubError to show; HubErrors pass through. */
export function hubError(error: unknown, target: HubTarget): HubError {
  if (error instanceof HubError) return error;
  const e = firstCause(error);
  const code = codeOf(e);
  const message = messageOf(e);
  const who = { user: target.user, database: target.database, hub: target.label };

  const network = NETWORK_CODES[code];
  if (network) return offline(network, target);
  if (BUSY_STATES.has(code)) return offline('sync_hub_busy', target);
  // pg's own words for a connection that timed out or dropped: no code to go by.
  if (/timeout|terminated unexpectedly|Connection terminated/i.test(message) && !code) {
    return offline('sync_hub_unreachable', target);
  }

  if (CERT_CODES.has(code)) {
    return new HubError('invalid_input', 'sync_hub_tls_untrusted', { details: message }, false);
  }
  if (/does not support SSL/i.test(message)) {
    return new HubError('invalid_input', 'sync_hub_tls_unsupported', {}, false);
  }
  switch (code) {
    case '28P01':
      return new HubError('invalid_input', 'sync_hub_password', who, false);
    case '3D000':
      return new HubError('invalid_input', 'sync_hub_no_database', who, false);
    case '28000':
      // pg_hba.conf turns away unencrypted connections with this state and these words.
      if (/no encryption/i.test(message)) {
        return new HubError('invalid_input', 'sync_hub_tls_required', {}, false);
      }
      return new HubError('invalid_input', 'sync_hub_no_role', who, false);
    case '42501':
      return new HubError(
        'unavailable',
        'sync_hub_permission',
        { ...who, details: message },
        false,
      );
  }
  return new HubError('unavailable', 'sync_hub_failed', { details: message }, false);
}

/** The error is the hub being out of reach, not something to fix. */
export function isOffline(error: unknown): boolean {
  return error instanceof HubError && error.offline;
}
