/**
 * The hub's connection as the form holds it, and the `postgres://` address `sync.test` and
 * `sync.configure` take. Every part is URL-encoded: a password with `@`, `/` or `#` in it must
 * not end the user part early.
 */

export type TlsMode = 'off' | 'require' | 'verify';

export const TLS_MODES: readonly TlsMode[] = ['off', 'require', 'verify'];

/** libpq's `sslmode` for each choice of the form. */
const SSL_MODE: Record<TlsMode, string> = {
  off: 'disable',
  require: 'require',
  verify: 'verify-full',
};

export interface Connection {
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  tls: TlsMode;
  /** The CA certificate file, for `verify`. */
  caFile: string;
}

export const EMPTY_CONNECTION: Connection = {
  host: '',
  port: '5432',
  database: '',
  user: '',
  password: '',
  tls: 'require',
  caFile: '',
};

export type ConnectionField = keyof Connection;

/** What is wrong with a field before anything is sent: it is empty, or the port is no port. */
export type ConnectionProblem = 'required' | 'badPort';

export function checkConnection(
  connection: Connection,
): Partial<Record<ConnectionField, ConnectionProblem>> {
  const problems: Partial<Record<ConnectionField, ConnectionProblem>> = {};
  for (const field of ['host', 'database', 'user'] as const) {
    if (!connection[field].trim()) problems[field] = 'required';
  }
  const port = connection.port.trim();
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    problems.port = port ? 'badPort' : 'required';
  }
  if (connection.tls === 'verify' && !connection.caFile.trim()) problems.caFile = 'required';
  return problems;
}

export function connectionUrl(connection: Connection): string {
  const host = connection.host.trim();
  // An IPv6 address goes in brackets, or its colons would read as the port's.
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const user = encodeURIComponent(connection.user.trim());
  const auth = connection.password ? `${user}:${encodeURIComponent(connection.password)}` : user;
  const params = new URLSearchParams({ sslmode: SSL_MODE[connection.tls] });
  if (connection.tls === 'verify') params.set('sslrootcert', connection.caFile.trim());
  const database = encodeURIComponent(connection.database.trim());
  return `postgres://${auth}@${hostPart}:${connection.port.trim()}/${database}?${params.toString()}`;
}
