/**
 * The Sync screen's connection fields become one `postgres://` address: every part encoded, so
 * a password with `@`, `:` or `#` reaches the server whole, and the TLS choice becomes libpq's
 * `sslmode` (with the CA file for "verify").
 */
import { describe, expect, it } from 'vitest';
import {
  checkConnection,
  connectionUrl,
  EMPTY_CONNECTION,
  type Connection,
} from '../../renderer/src/features/sync/connection-url';

const shop: Connection = {
  ...EMPTY_CONNECTION,
  host: 'shop-pc',
  database: 'hub',
  user: 'kt',
  password: 'p@ss:w/rd#1 ё',
};

describe('the hub address from the form', () => {
  it('encodes the user, the password and the database, and reads back whole', () => {
    const url = connectionUrl({ ...shop, user: 'петров', database: 'клиенты 2026' });
    expect(url.startsWith('postgres://')).toBe(true);
    const parsed = new URL(url);
    expect(decodeURIComponent(parsed.username)).toBe('петров');
    expect(decodeURIComponent(parsed.password)).toBe('p@ss:w/rd#1 ё');
    expect(parsed.hostname).toBe('shop-pc');
    expect(parsed.port).toBe('5432');
    expect(decodeURIComponent(parsed.pathname.slice(1))).toBe('клиенты 2026');
    expect(parsed.searchParams.get('sslmode')).toBe('require');
  });

  it('says each TLS choice as libpq does, with the CA file only for verify', () => {
    const off = new URL(connectionUrl({ ...shop, tls: 'off', caFile: '/ca.pem' }));
    expect(off.searchParams.get('sslmode')).toBe('disable');
    expect(off.searchParams.has('sslrootcert')).toBe(false);
    const verify = new URL(
      connectionUrl({ ...shop, tls: 'verify', caFile: 'C:\\certs\\hub ca.pem' }),
    );
    expect(verify.searchParams.get('sslmode')).toBe('verify-full');
    expect(verify.searchParams.get('sslrootcert')).toBe('C:\\certs\\hub ca.pem');
  });

  it('leaves the password part out when there is none, and brackets an IPv6 host', () => {
    expect(connectionUrl({ ...shop, password: '', host: '::1', port: '5433' })).toBe(
      'postgres://kt@[::1]:5433/hub?sslmode=require',
    );
  });

  it('names the empty fields and a port that is no port', () => {
    expect(checkConnection(EMPTY_CONNECTION)).toEqual({
      host: 'required',
      database: 'required',
      user: 'required',
    });
    expect(checkConnection({ ...shop, port: '70000' })).toEqual({ port: 'badPort' });
    expect(checkConnection({ ...shop, port: '' })).toEqual({ port: 'required' });
    expect(checkConnection({ ...shop, tls: 'verify' })).toEqual({ caFile: 'required' });
    expect(checkConnection(shop)).toEqual({});
  });
});
