/**
 * What the user reads when the hub cannot be used: "offline" (nothing to fix, the next sync will
 * do) told apart from what someone must fix, each message saying what to do, in both languages,
 * and never with the password. Against the run's real PostgreSQL, which has TLS with a CA of its
 * own, a group of roles that must give a password and a group that must use TLS.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../electron/api/messages';
import { connectHub } from '../../electron/services/sync/hub';
import { HubError, isOffline } from '../../electron/services/sync/hub-errors';
import { freshHub, freshHubUrl } from '../helpers/fresh-hub';
import { PG_PASSWORD_GROUP, PG_TLS_GROUP } from '../helpers/pg-cluster';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The HubError connecting to `url` ends in (the test fails if it connects). */
async function failure(url: string): Promise<HubError> {
  try {
    const hub = await connectHub(url);
    await hub.close();
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error(`connected to ${url}`);
}

async function connects(url: string): Promise<void> {
  const hub = await connectHub(url);
  cleanups.push(() => hub.close());
  expect(await hub.serverVersion()).toMatch(/^PostgreSQL /);
}

function words(error: HubError): { en: string; ru: string } {
  return {
    en: translate('en', error.key, error.params),
    ru: translate('ru', error.key, error.params),
  };
}

/** A TCP server on a free port; `answer` decides what it does with each connection. */
async function fakeServer(answer: (socket: net.Socket) => void): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    answer(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function superuser(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe('offline: the hub is out of reach, nothing to fix', () => {
  it('nothing listening on the port', async () => {
    const error = await failure(`postgres://kt:sekret@127.0.0.1:${await closedPort()}/hub`);
    expect(isOffline(error)).toBe(true);
    expect(error.key).toBe('sync_hub_refused');
    const { en, ru } = words(error);
    expect(en).toContain('kt@127.0.0.1:');
    expect(en).toContain('Your changes are kept here');
    expect(ru).toContain('Изменения сохранены здесь');
    expect(`${en}${ru}${error.message}`).not.toContain('sekret');
  });

  it('a host name that does not resolve', async () => {
    const error = await failure('postgres://kt@no-such-hub.invalid:5432/hub');
    expect(isOffline(error)).toBe(true);
    expect(error.key).toBe('sync_hub_unknown_host');
  });

  it('a server that takes the connection and never answers: gives up after the timeout', async () => {
    const port = await fakeServer(() => undefined);
    const error = await failure(`postgres://kt@127.0.0.1:${port}/hub?sslmode=disable`);
    expect(isOffline(error)).toBe(true);
    expect(error.key).toBe('sync_hub_unreachable');
  });
});

describe('errors someone must fix', () => {
  it('a database that does not exist', async () => {
    const url = new URL(await freshHubUrl());
    url.pathname = '/no_such_db';
    url.password = 'sekret';
    const error = await failure(url.href);
    expect(isOffline(error)).toBe(false);
    expect(error.key).toBe('sync_hub_no_database');
    expect(error.field).toBe('url');
    const { en, ru } = words(error);
    expect(en).toContain('There is no database "no_such_db" on the hub.');
    expect(ru).toContain('На сервере нет базы «no_such_db».');
    expect(`${en}${ru}`).not.toContain('sekret');
  });

  it('a user that does not exist, and a wrong password', async () => {
    const url = new URL(await freshHubUrl());
    url.username = 'nobody';
    expect((await failure(url.href)).key).toBe('sync_hub_no_role');

    const role = `pw_${url.pathname.slice(1)}`;
    await superuser(
      url.href.replace('nobody', 'kt'),
      `CREATE ROLE ${role} LOGIN PASSWORD 'right one' IN ROLE ${PG_PASSWORD_GROUP}`,
    );
    url.username = role;
    url.password = 'wrong-sekret';
    const error = await failure(url.href);
    expect(error.key).toBe('sync_hub_password');
    expect(isOffline(error)).toBe(false);
    const { en, ru } = words(error);
    expect(en).toBe(
      `The hub refused the password of user "${role}". Enter the password again, or ask whoever runs the hub for the right one.`,
    );
    expect(ru).toContain(`Сервер не принял пароль пользователя «${role}».`);
    expect(`${en}${ru}`).not.toContain('sekret');
    url.password = 'right one';
    await connects(url.href);
  });

  it('a hub set up by a newer Kartoteka: update this app, and nothing is changed there', async () => {
    const url = await freshHubUrl();
    const hub = await connectHub(url);
    cleanups.push(() => hub.close());
    await hub.ensureSchema();
    await superuser(url, 'UPDATE kartoteka.schema_version SET version = 7');
    const error = await hub.ensureSchema().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ key: 'sync_hub_newer', offline: false });
    expect(words(error as HubError).en).toContain(
      '(hub version 7, this app knows 1). Update Kartoteka on this computer',
    );
    expect(await hub.schemaReady()).toBe(false);
  });

  it('addresses that are not a hub', async () => {
    for (const url of [
      'hub.example.com',
      'http://kt@127.0.0.1:5432/hub',
      'postgres://kt@127.0.0.1:5432/',
      'postgres://kt@127.0.0.1:5432/hub?sslmode=sometimes',
    ]) {
      const error = await failure(url);
      expect(error.key, url).toBe('sync_hub_url');
      expect(isOffline(error)).toBe(false);
    }
  });
});

describe('TLS', () => {
  it('verify-full with the CA file: the certificate is checked, and so is the host name', async () => {
    const { url, caFile } = await freshHub();
    const local = new URL(url);
    local.hostname = 'localhost';
    local.search = `?sslmode=verify-full&sslrootcert=${encodeURIComponent(caFile)}`;
    await connects(local.href);

    // The certificate names localhost, not 127.0.0.1.
    const byAddress = `${url}?sslmode=verify-full&sslrootcert=${encodeURIComponent(caFile)}`;
    expect((await failure(byAddress)).key).toBe('sync_hub_tls_untrusted');
    // verify-ca checks the signature only.
    await connects(`${url}?sslmode=verify-ca&sslrootcert=${encodeURIComponent(caFile)}`);
    // Without the CA file the test CA is trusted by nobody.
    local.search = '?sslmode=verify-full';
    const untrusted = await failure(local.href);
    expect(untrusted.key).toBe('sync_hub_tls_untrusted');
    expect(isOffline(untrusted)).toBe(false);
    expect(words(untrusted).ru).toContain('Выберите файл центра сертификации');
  });

  it('require encrypts without checking; the server may insist on it', async () => {
    const url = new URL(await freshHubUrl());
    await connects(`${url.href}?sslmode=require`);
    const role = `tls_${url.pathname.slice(1)}`;
    await superuser(url.href, `CREATE ROLE ${role} LOGIN IN ROLE ${PG_TLS_GROUP}`);
    url.username = role;
    expect((await failure(`${url.href}?sslmode=disable`)).key).toBe('sync_hub_tls_required');
    await connects(`${url.href}?sslmode=require`);
  });

  it('a server without TLS: refused under require, plain under prefer', async () => {
    // A PostgreSQL that answers "N" to the request for TLS, then closes.
    const port = await fakeServer((socket) => {
      socket.once('data', () => socket.end('N'));
    });
    const required = await failure(`postgres://kt@127.0.0.1:${port}/hub?sslmode=require`);
    expect(required.key).toBe('sync_hub_tls_unsupported');
    expect(isOffline(required)).toBe(false);
    // prefer tries again without TLS: this fake then hangs up, which reads as a dropped line.
    const preferred = await failure(`postgres://kt@127.0.0.1:${port}/hub?sslmode=prefer`);
    expect(preferred.key).not.toBe('sync_hub_tls_unsupported');
  });

  it('a CA file that is missing or is not a certificate; verify-ca without one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kt-ca-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const notCert = path.join(dir, 'notes.txt');
    fs.writeFileSync(notCert, 'not a certificate');
    for (const file of [path.join(dir, 'missing.crt'), notCert]) {
      const error = await failure(
        `postgres://kt@127.0.0.1:5432/hub?sslmode=verify-full&sslrootcert=${encodeURIComponent(file)}`,
      );
      expect(error.key).toBe('sync_hub_ca_file');
      expect(translate('en', error.key, error.params)).toContain(`The CA file "${file}"`);
    }
    expect((await failure('postgres://kt@127.0.0.1:5432/hub?sslmode=verify-ca')).key).toBe(
      'sync_hub_ca_required',
    );
  });
});
