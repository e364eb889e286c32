/**
 * Real e-mails and phones: internationalised addresses are valid on the card, in the channels
 * and in filters; `8 912 …` and `+7 (912) …` are one number for filters and search, while the
 * card shows each as typed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailKey, isEmail } from '../../kernel/emails';
import { phoneKey, phoneNeedles, phoneProblem } from '../../kernel/phones';
import { createApp } from '../../electron/app';
import { makeWorld, MIGRATIONS_DIR, type World } from '../helpers/world';

describe('kernel/emails', () => {
  it.each([
    'c1@пример.рф',
    'имя@почта.рф',
    'Vera.Orlova+shop@mail.ru',
    'a@xn--e1afmkfd.xn--p1ai',
    'josé@correo.es',
    "o'brien@example.co.uk",
  ])('%s is an address', (value) => expect(isEmail(value)).toBe(true));

  it.each([
    'anna@@example',
    'not-an-email',
    'oleg@stroy',
    '@пример.рф',
    'имя@',
    'a..b@mail.ru',
    '.a@mail.ru',
    'a@-mail.ru',
    'a@mail.r',
    'a b@mail.ru',
    'a@mail.123',
    `${'a'.repeat(65)}@mail.ru`,
  ])('%s is not', (value) => expect(isEmail(value)).toBe(false));

  it('compares addresses in lower case, in any script', () => {
    expect(emailKey(' C1@ПРИМЕР.РФ ')).toBe('c1@пример.рф');
    expect(emailKey('')).toBeNull();
  });
});

describe('kernel/phones', () => {
  it.each([
    ['8 (912) 345-67-89', '79123456789'],
    ['+7 (912) 345-67-89', '79123456789'],
    ['912 345 67 89', '79123456789'],
    ['79123456789', '79123456789'],
    ['8 343 222-33-44', '73432223344'],
    ['+81 3 1234 5678', '81312345678'],
    ['0044 20 7946 0958', '442079460958'],
    ['555-0101', '5550101'],
    ['12-34', null],
    ['', null],
  ])('%s is %s', (typed, key) => expect(phoneKey(typed)).toBe(key));

  it('says what is wrong with a phone', () => {
    expect(phoneProblem('8 912 ABC-67-89')).toBe('phone_chars');
    expect(phoneProblem('12')).toBe('phone_short');
    expect(phoneProblem('1'.repeat(16))).toBe('phone_long');
    expect(phoneProblem(' +7 (912) 345-67-89 ')).toBeNull();
  });

  it('looks for a partly typed Russian number in both forms', () => {
    expect(phoneNeedles('8 912 3')).toEqual(['89123', '79123']);
    expect(phoneNeedles('+7 912')).toEqual(['7912']);
    expect(phoneNeedles('abc')).toEqual([]);
  });
});

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

describe('internationalised e-mails', () => {
  it('are saved on a new card and on an edit, as typed', async () => {
    const a = await world.call('clients.create', { name: 'Анна', email: 'имя@почта.рф' });
    expect(a.email).toBe('имя@почта.рф');
    const b = await world.call('clients.update', { id: a.id, patch: { email: 'c1@пример.рф' } });
    expect(b.email).toBe('c1@пример.рф');
    const bad = await world.send('clients.update', { id: a.id, patch: { email: 'anna@@example' } });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'patch.email' },
    });
    const manager = await world.send('managers.add', { name: 'Петров', email: 'петров@фирма.рф' });
    expect(manager.ok).toBe(true);
  });

  it('are found by filters in any case, and by search', async () => {
    const a = await world.call('clients.create', { name: 'Анна', email: 'c1@пример.рф' });
    await world.call('clients.create', { name: 'Борис', email: 'boris@mail.ru' });
    const eq = await world.call('clients.list', {
      filters: [{ field: 'email', op: 'eq', value: 'C1@ПРИМЕР.РФ' }],
    });
    expect(eq.rows.map((r) => r.id)).toEqual([a.id]);
    const contains = await world.call('clients.list', {
      filters: [{ field: 'email', op: 'contains', value: 'ПРИМЕР.рф' }],
    });
    expect(contains.rows.map((r) => r.id)).toEqual([a.id]);
    const neq = await world.call('clients.list', {
      filters: [{ field: 'email', op: 'neq', value: 'C1@пример.рф' }],
    });
    expect(neq.rows.map((r) => r.name)).toEqual(['Борис']);
    const found = await world.call('clients.list', { query: 'пример.рф' });
    expect(found.rows.map((r) => r.id)).toEqual([a.id]);
  });
});

describe('phones in one normalised form', () => {
  it('stores the normalised form beside the phone as typed, on create and on edit', async () => {
    const a = await world.call('clients.create', { name: 'Анна', phone: '8 (912) 345-67-89' });
    expect(a.phone).toBe('8 (912) 345-67-89');
    const keys = () =>
      world.app.wb.sqlite
        .prepare('SELECT phone_key, phone2_key FROM clients WHERE id = ?')
        .raw()
        .get(a.id);
    expect(keys()).toEqual(['79123456789', null]);
    await world.call('clients.update', { id: a.id, patch: { phone2: '+7 900 111-22-33' } });
    expect(keys()).toEqual(['79123456789', '79001112233']);
  });

  it('filters match any formatting of the same number', async () => {
    const a = await world.call('clients.create', { name: 'Анна', phone: '+7 (912) 345-67-89' });
    const b = await world.call('clients.create', { name: 'Борис', phone: '8 900 111 22 33' });
    const ids = async (filter: {
      field: string;
      op: 'eq' | 'neq' | 'contains' | 'in';
      value: string | string[];
    }) => (await world.call('clients.list', { filters: [filter] })).rows.map((r) => r.id);
    expect(await ids({ field: 'phone', op: 'eq', value: '8 912 345-67-89' })).toEqual([a.id]);
    expect(await ids({ field: 'phone', op: 'eq', value: '9123456789' })).toEqual([a.id]);
    expect(await ids({ field: 'phone', op: 'neq', value: '89123456789' })).toEqual([b.id]);
    expect(await ids({ field: 'phone', op: 'contains', value: '8 912 345' })).toEqual([a.id]);
    expect(await ids({ field: 'phone', op: 'contains', value: '+7 900' })).toEqual([b.id]);
    expect(await ids({ field: 'phone', op: 'in', value: ['+7 900 111-22-33', '000'] })).toEqual([
      b.id,
    ]);
  });

  it('search finds a phone typed in another format', async () => {
    const a = await world.call('clients.create', { name: 'Анна', phone: '+7 (912) 345-67-89' });
    const b = await world.call('clients.create', { name: 'Борис', phone: '8 (900) 111-22-33' });
    const found = async (query: string) =>
      (await world.call('clients.list', { query })).rows.map((r) => r.id);
    expect(await found('8 912 345')).toEqual([a.id]);
    expect(await found('8 (912) 345-67-89')).toEqual([a.id]);
    expect(await found('+7 900 111')).toEqual([b.id]);
    expect(await found('345-67')).toEqual([a.id]);
  });

  it('indexes a phone once when its typed digits are part of its normal form, and still finds it by any run of them', async () => {
    const trunk = await world.call('clients.create', { name: 'Вера', phone: '8 (912) 345-67-89' });
    const bare = await world.call('clients.create', { name: 'Глеб', phone: '916 222-33-44' });
    const other = await world.call('clients.create', { name: 'Дина', phone: '+44 20 7946 0018' });
    const text = (id: string) =>
      world.app.wb.sqlite.prepare('SELECT search_text FROM clients WHERE id = ?').pluck().get(id);
    expect(text(trunk.id)).toBe('вера 79123456789');
    expect(text(bare.id)).toBe('глеб 79162223344');
    expect(text(other.id)).toBe('дина 442079460018');
    const found = async (query: string) =>
      (await world.call('clients.list', { query })).rows.map((r) => r.id);
    for (const query of [
      '8 912',
      '8 (912) 345-67-89',
      '89123456789',
      '+7 912 345',
      '912 345',
      '456-78',
      '234',
    ]) {
      expect(await found(query), query).toEqual([trunk.id]);
    }
    for (const query of ['916 222', '8 916 222-33-44', '79162223344', '33-44']) {
      expect(await found(query), query).toEqual([bare.id]);
    }
    expect(await found('+44 20 7946')).toEqual([other.id]);
  });
});

describe('a workbook indexed by the previous version', () => {
  /** The test's workbook closed and opened again, as the app opens it. */
  const reopen = () => {
    world.app.close();
    return createApp({
      workbookPath: world.file,
      migrationsDir: MIGRATIONS_DIR,
      dataDir: world.dir,
      shell: 'web',
      version: 'test',
    });
  };

  it('is indexed again on open, so old clients are found by the other form of their phone', async () => {
    const a = await world.call('clients.create', { name: 'Анна', phone: '8 (912) 345-67-89' });
    // What the previous version derived: the typed digits only.
    world.app.wb.sqlite
      .prepare("UPDATE clients SET search_text = 'анна 89123456789' WHERE id = ?")
      .run(a.id);
    world.app.wb.sqlite
      .prepare("UPDATE settings SET value = '1' WHERE key = 'searchIndexVersion'")
      .run();
    const app = reopen();
    try {
      const found = await app.dispatch('clients.list', { query: '+7 912 345' });
      expect(found).toMatchObject({ ok: true, data: { total: 1 } });
    } finally {
      app.close();
    }
  });

  it('derives every column again on open, those that moved and only those', async () => {
    const a = await world.call('clients.create', {
      name: 'Анна Ёлкина',
      phone: '8 (912) 345-67-89',
      phone2: '+7 495 123-45-67',
      tags: ['Опт'],
    });
    const b = await world.call('clients.create', { name: 'Борис', company: 'ООО «Ромашка»' });
    const c = await world.call('clients.create', { name: 'Вера', email: 'vera@example.ru' });
    const columns = (app: { wb: World['app']['wb'] }, id: string) =>
      app.wb.sqlite
        .prepare(
          `SELECT name_fold AS nameFold, search_text AS searchText, tags_fold AS tagsFold,
                  phone_key AS phoneKey, phone2_key AS phone2Key, updated_at AS updatedAt
           FROM clients WHERE id = ?`,
        )
        .get(id);
    const right = [a, b, c].map((x) => columns(world.app, x.id));
    // Older derivations: a's name and phones, b's search text; c as it should be.
    const sqlite = world.app.wb.sqlite;
    sqlite
      .prepare(
        "UPDATE clients SET name_fold = 'x', phone_key = NULL, phone2_key = NULL WHERE id = ?",
      )
      .run(a.id);
    sqlite.prepare("UPDATE clients SET search_text = 'борис' WHERE id = ?").run(b.id);
    sqlite.prepare("UPDATE settings SET value = '3' WHERE key = 'searchIndexVersion'").run();
    const app = reopen();
    try {
      expect([a, b, c].map((x) => columns(app, x.id))).toEqual(right);
      for (const query of ['анна елкина', 'ромашк', '74951234567', 'vera@']) {
        const found = await app.dispatch('clients.list', { query });
        expect(found, query).toMatchObject({ ok: true, data: { total: 1 } });
      }
    } finally {
      app.close();
    }
  });
});
