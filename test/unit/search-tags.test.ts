/**
 * Tags are indexed apart from the rest of a client's text (`client_tag_search`, migration 0010),
 * so that a tag edit over many clients leaves the comments' index rows alone. The search box
 * must find clients by their tags exactly as when the tags were part of the one index row:
 * each word in the text or the tags, short words too, whichever path set the tags.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carry, devicesPerTest } from '../helpers/exchange';
import { makeClient, makeWorld, type World } from '../helpers/world';

const names = async (w: World, query: string) =>
  (await w.call('clients.list', { query })).rows.map((r) => r.name).sort();

describe('on one workbook', () => {
  let world: World;
  beforeEach(() => {
    world = makeWorld({ locale: 'ru' });
  });
  afterEach(() => world.dispose());

  const found = (query: string) => names(world, query);

  it('finds a client by a tag a bulk edit added, and no longer after its undo', async () => {
    const anna = await world.call('clients.create', makeClient({ name: 'Анна Соколова' }));
    const boris = await world.call('clients.create', makeClient({ name: 'Борис Соколов' }));
    await world.call('clients.create', makeClient({ name: 'Вера Орлова' }));
    await world.call('comments.add', { clientId: anna.id, kind: 'call', body: 'Звонила утром' });
    const bulk = await world.call('clients.bulk', {
      ids: [anna.id, boris.id],
      action: { type: 'addTag', tag: 'Оптовик' },
    });
    expect(await found('оптовик')).toEqual(['Анна Соколова', 'Борис Соколов']);
    expect((await world.call('clients.list', { query: 'оптовик' })).total).toBe(2);
    // The comment's index row was left alone and still finds her.
    expect(await found('звонила')).toEqual(['Анна Соколова']);
    await world.call('history.undoBatch', { batchId: bulk.batchId });
    expect(await found('оптовик')).toEqual([]);
    expect((await world.call('clients.list', { query: 'оптовик' })).total).toBe(0);
    expect(await found('звонила')).toEqual(['Анна Соколова']);
  });

  it("a card's edit writes again only the index row whose text changed", async () => {
    const anna = await world.call(
      'clients.create',
      makeClient({ name: 'Анна Соколова', phone: '+7 912 345-67-89', tags: ['Оптовик'] }),
    );
    await world.call('clients.create', makeClient({ name: 'Борис Орлов', tags: ['Розница'] }));
    // FTS5 writes each transaction's rows as a new segment: its pages are rows of `…_data`.
    const pages = (index: string) =>
      world.app.wb.sqlite.prepare(`SELECT count(*) FROM ${index}_data`).pluck().get() as number;
    const both = (): [number, number] => [pages('client_search'), pages('client_tag_search')];
    const update = (patch: Record<string, unknown>) =>
      world.call('clients.update', { id: anna.id, patch });

    let [text, tags] = both();
    await update({ phone: '+7 913 000-11-22' });
    expect(both()).toEqual([expect.any(Number), tags]);
    expect(pages('client_search')).toBeGreaterThan(text);
    expect(await found('913 000')).toEqual(['Анна Соколова']);
    expect(await found('912 345')).toEqual([]);
    expect(await found('оптовик')).toEqual(['Анна Соколова']);

    [text, tags] = both();
    await world.call('comments.add', { clientId: anna.id, kind: 'call', body: 'Звонила утром' });
    expect(pages('client_tag_search')).toBe(tags);
    expect(await found('звонила')).toEqual(['Анна Соколова']);

    [text, tags] = both();
    await update({ tags: ['Розница', 'Новый'] });
    expect(pages('client_search')).toBe(text);
    expect(pages('client_tag_search')).toBeGreaterThan(tags);
    expect(await found('оптовик')).toEqual([]);
    expect(await found('розница')).toEqual(['Анна Соколова', 'Борис Орлов']);
    expect(await found('новый')).toEqual(['Анна Соколова']);
    // Her text row was left as it was and still finds her by it.
    expect(await found('соколова')).toEqual(['Анна Соколова']);
    expect(await found('звонила')).toEqual(['Анна Соколова']);

    // A stage is in neither index: neither is written.
    [text, tags] = both();
    await update({ stage: 'regular' });
    expect(both()).toEqual([text, tags]);
    // Each index holds exactly one row per live client: a rewrite left no stale row behind.
    const rows = (index: string, word: string) =>
      world.app.wb.sqlite
        .prepare(`SELECT count(*) FROM ${index} WHERE ${index} MATCH ?`)
        .pluck()
        .get(`"${word}"`) as number;
    expect(rows('client_search', 'соколова')).toBe(1);
    expect(rows('client_tag_search', 'розница')).toBe(2);
  });

  it('a custom text a bulk edit sets is found, and no longer after its undo; the tags stay found', async () => {
    await world.call('fields.define', { key: 'inn', label: 'ИНН', type: 'text' });
    const anna = await world.call('clients.create', makeClient({ name: 'Анна', tags: ['Опт'] }));
    const boris = await world.call('clients.create', makeClient({ name: 'Борис', tags: ['Опт'] }));
    await world.call('clients.create', makeClient({ name: 'Вера' }));
    const bulk = await world.call('clients.bulk', {
      ids: [anna.id, boris.id],
      action: { type: 'setCustom', key: 'inn', value: '7700123456' },
    });
    expect(await found('7700123')).toEqual(['Анна', 'Борис']);
    expect(await found('опт')).toEqual(['Анна', 'Борис']);
    await world.call('history.undoBatch', { batchId: bulk.batchId });
    expect(await found('7700123')).toEqual([]);
    expect(await found('опт')).toEqual(['Анна', 'Борис']);
  });

  it('writes the tags a bulk edit adds as JSON.stringify would, whatever their characters', async () => {
    const odd = ['Кавычка "да"', 'слэш \\ и\tтаб', 'ёлка'];
    const a = await world.call('clients.create', makeClient({ name: 'Анна', tags: odd }));
    const b = await world.call('clients.create', makeClient({ name: 'Борис' }));
    const tag = 'Новый "год" \\ 2027';
    const bulk = await world.call('clients.bulk', {
      ids: [a.id, b.id],
      action: { type: 'addTag', tag },
    });
    const stored = (id: string) =>
      world.app.wb.sqlite.prepare('SELECT tags, tags_fold FROM clients WHERE id = ?').get(id);
    expect(stored(a.id)).toEqual({
      tags: JSON.stringify([...odd, tag]),
      tags_fold: 'кавычка "да" слэш \\ и\tтаб елка новый "год" \\ 2027',
    });
    expect(stored(b.id)).toEqual({ tags: JSON.stringify([tag]), tags_fold: 'новый "год" \\ 2027' });
    expect(await found('"год"')).toEqual(['Анна', 'Борис']);
    await world.call('history.undoBatch', { batchId: bulk.batchId });
    expect(stored(a.id)).toEqual({
      tags: JSON.stringify(odd),
      tags_fold: 'кавычка "да" слэш \\ и\tтаб елка',
    });
    expect(stored(b.id)).toEqual({ tags: '[]', tags_fold: '' });
    expect(await found('"год"')).toEqual([]);
  });

  it('ANDs the words: a name word and a tag word find only the client with both', async () => {
    const anna = await world.call('clients.create', makeClient({ name: 'Анна Соколова' }));
    await world.call('clients.create', makeClient({ name: 'Анна Орлова', tags: ['розница'] }));
    await world.call('clients.create', makeClient({ name: 'Вера Соколова', tags: ['опт'] }));
    await world.call('clients.bulk', { ids: [anna.id], action: { type: 'addTag', tag: 'опт' } });
    expect(await found('анна опт')).toEqual(['Анна Соколова']);
    expect(await found('соколова опт')).toEqual(['Анна Соколова', 'Вера Соколова']);
    expect(await found('орлова опт')).toEqual([]);
    // Both words in the tags, both in the text, one of each: the total counts each client once.
    const both = await world.call('clients.list', { query: 'опт соколова' });
    expect(both.total).toBe(2);
    // A short word beside a long one is matched in the tags as a substring too.
    expect(await found('анна оп')).toEqual(['Анна Соколова']);
    expect(await found('соколова оп')).toEqual(['Анна Соколова', 'Вера Соколова']);
  });

  it('follows a tag set or removed in the card, and a client sent to the trash and back', async () => {
    const client = await world.call('clients.create', makeClient({ name: 'Дмитрий' }));
    await world.call('clients.update', { id: client.id, patch: { tags: ['Ёлочный базар'] } });
    expect(await found('елочный')).toEqual(['Дмитрий']);
    expect(await found('дмитрий базар')).toEqual(['Дмитрий']);
    await world.call('clients.update', { id: client.id, patch: { tags: ['лето'] } });
    expect(await found('елочный')).toEqual([]);
    expect(await found('лето')).toEqual(['Дмитрий']);
    await world.call('clients.delete', { id: client.id });
    expect(await found('лето')).toEqual([]);
    await world.call('clients.restore', { id: client.id });
    expect(await found('лето')).toEqual(['Дмитрий']);
    // The same through a bulk edit to the trash, and its undo.
    const trash = await world.call('clients.bulk', {
      ids: [client.id],
      action: { type: 'delete' },
    });
    expect(await found('лето')).toEqual([]);
    await world.call('history.undoBatch', { batchId: trash.batchId });
    expect(await found('лето')).toEqual(['Дмитрий']);
  });

  it('finds by a tag an import set', async () => {
    const file = path.join(world.dir, 'tags.csv');
    fs.writeFileSync(file, 'Имя;Теги\nООО Ромашка;новый, Северный\nООО Лютик;\n');
    // As an upload to the browser shell hands it to the import.
    world.app.ctx.importer.allowFile(file);
    await world.call('import.preview', { path: file, target: 'clients' });
    await world.call('import.run', {
      path: file,
      target: 'clients',
      onDuplicate: 'update',
      onInvalid: 'skip',
      mapping: { Имя: 'name', Теги: 'tags' },
    });
    expect(await found('северный')).toEqual(['ООО Ромашка']);
    expect(await found('ооо новый')).toEqual(['ООО Ромашка']);
    expect(await found('ооо')).toEqual(['ООО Лютик', 'ООО Ромашка']);
  });
});

describe('across devices', () => {
  const device = devicesPerTest();

  it('finds by a tag that came from another device, and not after its undo came too', async () => {
    const a = device();
    const b = device();
    const client = await a.call('clients.create', makeClient({ name: 'Галина', tags: ['опт'] }));
    await carry(a, b);
    expect(await names(b, 'опт')).toEqual(['Галина']);
    const bulk = await a.call('clients.bulk', {
      ids: [client.id],
      action: { type: 'addTag', tag: 'Сезонный' },
    });
    await carry(a, b);
    expect(await names(b, 'сезонный')).toEqual(['Галина']);
    expect(await names(b, 'галина сезонный')).toEqual(['Галина']);
    await a.call('history.undoBatch', { batchId: bulk.batchId });
    await carry(a, b);
    expect(await names(b, 'сезонный')).toEqual([]);
    expect(await names(b, 'опт')).toEqual(['Галина']);
  });
});
