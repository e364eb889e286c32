/**
 * A throwaway PostgreSQL cluster from Debian's `postgresql` package for the sync tests: initdb
 * into a temp folder, a random free port on 127.0.0.1, the socket in that folder, trust auth for
 * the superuser `kt`. One cluster serves a whole test run; each test takes a fresh database.
 * No vitest import here, so a Playwright globalSetup can use it as well:
 *
 *   const cluster = await startPgCluster();
 *   process.env['KARTOTEKA_TEST_PG'] = cluster.url('postgres');
 *   return () => cluster.stop();          // Playwright runs the returned function as teardown
 *   // …in a test: await createTestDatabase(process.env['KARTOTEKA_TEST_PG']!)
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export const PG_SUPERUSER = 'kt';
/** Members of this group must give their password (scram), so a wrong one can be tested. */
export const PG_PASSWORD_GROUP = 'kt_password';
/** Members of this group are turned away unless the connection is encrypted. */
export const PG_TLS_GROUP = 'kt_tls_only';

export interface PgCluster {
  port: number;
  /** The temp folder holding the data, the log and the socket. */
  dir: string;
  /** The CA that signed the server's certificate (made for `localhost` only, not 127.0.0.1). */
  caFile: string;
  /** `postgres://kt@127.0.0.1:PORT/<database>`. */
  url(database: string, user?: string): string;
  /** A fresh, empty database; resolves to its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder, or a clear message of how to get one. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  const newest = versions.at(-1);
  if (newest === undefined) {
    throw new Error(
      "PostgreSQL's initdb was not found under /usr/lib/postgresql/*/bin. The sync tests need " +
        "Debian's `postgresql` package: run scripts/test-fresh.sh (it installs it), or " +
        '`apt-get install postgresql`.',
    );
  }
  return path.join(root, newest, 'bin');
}

const asRoot = process.getuid?.() === 0;

/** The server refuses to run as root, so as root every server command runs as `postgres`. */
function pgCommand(bin: string, tool: string, args: string[]): [string, string[]] {
  const exe = path.join(bin, tool);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function runTool(bin: string, tool: string, args: string[], dir: string): Promise<void> {
  const [command, argv] = pgCommand(bin, tool, args);
  try {
    await run(command, argv, { cwd: dir });
  } catch (error) {
    const log = path.join(dir, 'log');
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`${tool} failed: ${stderr}\n${tail}`, { cause: error });
  }
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = postgresBin();
  // As root the folder must be reachable by `postgres`: /tmp, not a private TMPDIR.
  const dir = fs.mkdtempSync(path.join(asRoot ? '/tmp' : os.tmpdir(), 'kt-pg-'));
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  try {
    await runTool(
      bin,
      'initdb',
      ['-D', data, '-U', PG_SUPERUSER, '-A', 'trust', '--no-sync', '-E', 'UTF8', '--no-locale'],
      dir,
    );
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const tls = await makeCertificates(dir);
  const hba = path.join(data, 'pg_hba.conf');
  fs.writeFileSync(
    hba,
    `hostnossl all +${PG_TLS_GROUP} 127.0.0.1/32 reject\n` +
      `host all +${PG_PASSWORD_GROUP} 127.0.0.1/32 scram-sha-256\n` +
      fs.readFileSync(hba, 'utf8'),
  );
  // Durability is of no use to a throwaway cluster; speed is.
  const options =
    `-c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off ` +
    `-c full_page_writes=off -c max_connections=300 ` +
    `-c ssl=on -c ssl_cert_file=${tls.cert} -c ssl_key_file=${tls.key}`;
  let port = 0;
  for (let attempt = 0; ; attempt += 1) {
    port = await freePort();
    try {
      const log = path.join(dir, 'log');
      await runTool(
        bin,
        'pg_ctl',
        ['-D', data, '-w', '-l', log, '-o', `-p ${port} ${options}`, 'start'],
        dir,
      );
      break;
    } catch (error) {
      // Another process may have taken the port between the probe and the start.
      if (attempt >= 2) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }

  const url = (database: string, user = PG_SUPERUSER) =>
    `postgres://${user}@127.0.0.1:${port}/${database}`;
  const admin = new pg.Client({ connectionString: url('postgres') });
  await admin.connect();
  await admin.query(
    `CREATE ROLE ${PG_PASSWORD_GROUP} NOLOGIN; CREATE ROLE ${PG_TLS_GROUP} NOLOGIN`,
  );
  await admin.end();
  let stopped = false;
  return {
    port,
    dir,
    caFile: tls.ca,
    url,
    createDatabase: () => createTestDatabase(url('postgres')),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await runTool(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], dir);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A fresh database on the cluster whose `postgres` database is at `adminUrl` (what
 * `cluster.url('postgres')` gives): for test processes that only have that URL, e.g. Playwright
 * workers after a globalSetup put it in an environment variable.
 */
export async function createTestDatabase(adminUrl: string): Promise<string> {
  const name = `t${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** A CA of its own and a server certificate it signed for `localhost`, so TLS can be tested. */
async function makeCertificates(dir: string): Promise<{ ca: string; cert: string; key: string }> {
  const tls = path.join(dir, 'tls');
  fs.mkdirSync(tls);
  const file = (name: string) => path.join(tls, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
    '-subj',
    '/CN=kartoteka test CA',
    '-days',
    '2',
  ]);
  await run('openssl', [
    'req',
    ...ec,
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    '/CN=localhost',
  ]);
  fs.writeFileSync(file('ext'), 'subjectAltName=DNS:localhost\n');
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.crt'),
    '-days',
    '2',
    '-extfile',
    file('ext'),
  ]);
  // The server wants its key private to the user it runs as.
  fs.chmodSync(file('server.key'), 0o600);
  if (asRoot) execFileSync('chown', ['-R', 'postgres', tls]);
  return { ca: file('ca.crt'), cert: file('server.crt'), key: file('server.key') };
}
