/**
 * The hub's address as the user gives it, `postgres://user:password@host:5432/database` with
 * `sslmode=disable|prefer|require|verify-ca|verify-full` and `sslrootcert=<CA file>`, checked
 * before any connection so a typo or an unreadable CA file gets its own message. TLS modes keep
 * libpq's meaning (pg's `uselibpqcompat`): `require` encrypts without checking the certificate
 * unless a CA file is given, `verify-full` checks the certificate and the host name.
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { HubError, type HubTarget } from './hub-errors';

export type SslMode = 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

const SSL_MODES = new Set<string>([
  'disable',
  'allow',
  'prefer',
  'require',
  'verify-ca',
  'verify-full',
]);

export interface HubAddress {
  /** For pg, with libpq's TLS semantics switched on. */
  connectionString: string;
  /** The same address without TLS, for `prefer` against a server that has none. */
  plainConnectionString: string | null;
  sslMode: SslMode;
  target: HubTarget;
}

function badUrl(): HubError {
  return new HubError('invalid_input', 'sync_hub_url', {}, false);
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw badUrl();
  }
}

/** Reads the CA file now, so an unreadable or non-certificate file is named as such. */
function checkCaFile(file: string): void {
  try {
    const pem = fs.readFileSync(file);
    // X509Certificate parses the first certificate; a file with none is not a CA file.
    new X509Certificate(pem);
  } catch {
    throw new HubError('invalid_input', 'sync_hub_ca_file', { path: file }, false);
  }
}

export function parseHubUrl(url: string): HubAddress {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw badUrl();
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw badUrl();
  const database = decode(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname || !database || database.includes('/')) throw badUrl();
  const port = parsed.port || '5432';
  // Named in the address so the label and pg agree (pg would take the OS user's name).
  if (!parsed.username) parsed.username = 'postgres';
  const user = decode(parsed.username);

  const requested = parsed.searchParams.get('sslmode') ?? 'prefer';
  if (!SSL_MODES.has(requested)) throw badUrl();
  // `allow` (plain first, TLS if the server insists) is close enough to `prefer` for a hub.
  const sslMode = (requested === 'allow' ? 'prefer' : requested) as SslMode;
  const caFile = parsed.searchParams.get('sslrootcert');
  if (caFile !== null) checkCaFile(caFile);
  if (sslMode === 'verify-ca' && caFile === null) {
    throw new HubError('invalid_input', 'sync_hub_ca_required', {}, false);
  }

  parsed.searchParams.set('sslmode', sslMode);
  parsed.searchParams.set('uselibpqcompat', 'true');
  let plainConnectionString: string | null = null;
  if (sslMode === 'prefer') {
    const plain = new URL(parsed.href);
    plain.searchParams.delete('sslrootcert');
    plain.searchParams.set('sslmode', 'disable');
    plainConnectionString = plain.href;
  }
  const host = parsed.hostname.replace(/^\[(.+)\]$/, '$1');
  return {
    connectionString: parsed.href,
    plainConnectionString,
    sslMode,
    target: { label: `${user}@${host}:${port}/${database}`, user, database },
  };
}
