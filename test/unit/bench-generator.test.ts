import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../db/demo/generate';
import { createApp, type App } from '../../electron/app';
import type {
  ChannelName,
  CustomValue,
  FieldType,
  InputOf,
  OutputOf,
} from '../../electron/api/contract';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';

const NOW = new Date('2026-11-12T11:03:00.000Z');
const CLIENTS = 300;

let dir: string;
let app: App;

function generate(name: string, seed: number): string {
  const file = path.join(dir, name);
  generateWorkbook({ file, migrationsDir: MIGRATIONS_DIR, clients: CLIENTS, seed, now: NOW });
  return file;
}

async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const envelope = await app.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.data as OutputOf<typeof channel>;
}

const one = <T>(sql: string, ...params: unknown[]) =>
  app.wb.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as T;

beforeAll(() => {
  dir = tempDir('kartoteka-bench-');
  const file = generate('a.kartoteka', 7);
  app = createApp({
    workbookPath: file,
    migrationsDir: MIGRATIONS_DIR,
    dataDir: dir,
    shell: 'web',
    version: 'test',
    systemLocale: 'en',
    now: () => NOW,
    logger: { info: () => {}, error: () => {} },
  });
});

afterAll(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bench workbook generator', () => {
  it('writes exactly the clients asked for, with intact references', () => {
    expect(one<number>('SELECT count(*) FROM clients')).toBe(CLIENTS);
    expect(app.wb.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(one<number>('SELECT count(DISTINCT seq) FROM clients')).toBe(CLIENTS);
  });

  it('gives every client a create batch in its history', async () => {
    const missing = one<number>(
      `SELECT count(*) FROM clients c WHERE NOT EXISTS (
         SELECT 1 FROM changes ch JOIN batches b ON b.id = ch.batch_id
         WHERE ch.client_id = c.id AND b.kind = 'create' AND ch.field = 'name')`,
    );
    expect(missing).toBe(0);
    const id = one<string>('SELECT id FROM clients WHERE deleted_at IS NULL LIMIT 1');
    const client = await call('clients.get', { id });
    const history = await call('history.list', { clientId: id });
    expect(history.find((h) => h.field === 'name')).toMatchObject({
      batchKind: 'create',
      oldValue: null,
      newValue: client.name,
    });
  });

  it('spreads sales over three years, more in November–December than in June–July', () => {
    const first = one<string>('SELECT min(date) FROM sales');
    const last = one<string>('SELECT max(date) FROM sales');
    expect(first >= '2023-11-12' && first < '2024-01-12').toBe(true);
    expect(last > '2026-10-12').toBe(true);
    const revenue = (months: string) =>
      one<number>(`SELECT sum(amount) FROM sales WHERE substr(date, 6, 2) IN (${months})`);
    expect(revenue(`'11', '12'`)).toBeGreaterThan(revenue(`'06', '07'`));
    expect(
      one<number>('SELECT count(*) FROM sales WHERE amount <= 0 OR amount != round(amount)'),
    ).toBe(0);
  });

  it('has clients who stopped buying a year ago or more', () => {
    const churned = one<number>(
      `SELECT count(*) FROM (SELECT client_id FROM sales GROUP BY client_id HAVING max(date) < '2025-11-12')`,
    );
    expect(churned).toBeGreaterThan(0);
    expect(
      one<number>(`SELECT count(*) FROM clients WHERE stage = 'lost' AND lost_reason IS NULL`),
    ).toBe(0);
  });

  it('gives the same names for the same seed and other names for another', () => {
    const names = (file: string) => {
      const other = createApp({
        workbookPath: file,
        migrationsDir: MIGRATIONS_DIR,
        dataDir: dir,
        shell: 'web',
        version: 'test',
      });
      try {
        return other.wb.sqlite.prepare('SELECT name FROM clients ORDER BY seq').pluck().all();
      } finally {
        other.close();
      }
    };
    const mine = app.wb.sqlite.prepare('SELECT name FROM clients ORDER BY seq').pluck().all();
    expect(names(generate('b.kartoteka', 7))).toEqual(mine);
    expect(names(generate('c.kartoteka', 8))).not.toEqual(mine);
  });

  it('stores custom values that the app decodes to their field types', async () => {
    const fields = await call('fields.list', undefined);
    const types = new Map(fields.map((f) => [f.key, f.type]));
    expect(new Set(types.values())).toEqual(
      new Set(['text', 'number', 'money', 'date', 'boolean', 'choice', 'multichoice']),
    );
    const { rows } = await call('clients.list', { limit: 1000 });
    const values = rows.flatMap((r) => Object.entries(r.custom));
    expect(values.length).toBeGreaterThan(CLIENTS / 2);
    const ofType: Record<FieldType, (v: CustomValue) => boolean> = {
      text: (v) => typeof v === 'string',
      number: (v) => typeof v === 'number',
      money: (v) => Number.isSafeInteger(v),
      date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
      boolean: (v) => typeof v === 'boolean',
      choice: (v) => typeof v === 'string' && fields.some((f) => f.options.includes(v)),
      multichoice: (v) => Array.isArray(v) && v.length > 0,
    };
    for (const [key, value] of values) expect(ofType[types.get(key)!](value), key).toBe(true);
  });

  it('builds the search index, so a client is found by surname and by phone digits', async () => {
    const [name, phone] = app.wb.sqlite
      .prepare(
        `SELECT name, phone FROM clients WHERE kind = 'person' AND phone LIKE '+7 9%' AND deleted_at IS NULL LIMIT 1`,
      )
      .raw()
      .get() as [string, string];
    const byName = await call('clients.list', { query: name.split(' ')[0]!.toLowerCase() });
    expect(byName.rows.map((r) => r.name)).toContain(name);
    const byPhone = await call('clients.list', { query: phone.slice(3, 9) });
    expect(byPhone.rows.map((r) => r.phone)).toContain(phone);
  });
});
