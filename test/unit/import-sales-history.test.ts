/**
 * What a sales import leaves in the history, as a user reads it: one line per client on the
 * card («Импорт «sales.csv»: добавлено 3 продажи»), not one per sale; the journal still counts
 * every sale; the line cannot be "restored" (undo the import instead); undoing the import takes
 * back exactly its sales, and an import recorded the old way (a line per sale, in workbooks
 * made before) still undoes; the analytics still see every client the import changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../electron/api/contract';
import { clientsChangedSince, changeMarks } from '../../db/queries/analytics-source';
import { recordChanges, startBatch } from '../../db/queries/history';
import { importedSales } from '../../renderer/src/features/card/values';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { makeWorld, type World } from '../helpers/world';

let world: World;
let t: TFunction;

beforeAll(async () => {
  t = await i18next.init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: 'ru',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});

afterEach(() => world?.dispose());

async function twoClients() {
  const anna = await world.call('clients.create', { name: 'Анна', externalId: 'C-1' });
  const boris = await world.call('clients.create', { name: 'Борис', externalId: 'C-2' });
  return { anna, boris };
}

async function importSales(lines: string[]) {
  const file = path.join(world.dir, 'sales.csv');
  fs.writeFileSync(file, ['Код;Дата;Сумма', ...lines].join('\n'));
  world.app.ctx.importer.allowFile(file);
  return world.call('import.run', {
    path: file,
    target: 'sales',
    mapping: { Код: 'externalId', Дата: 'date', Сумма: 'amount' },
    onDuplicate: 'skip',
    onInvalid: 'skip',
  });
}

const liveSales = (clientId: string) =>
  world.call('sales.list', { clientId }).then((sales) => sales.map((s) => s.date).sort());

describe('the history of a sales import', () => {
  it('shows one line per client saying how many sales the import added, in both languages', async () => {
    world = makeWorld({ locale: 'ru' });
    const { anna, boris } = await twoClients();
    const result = await importSales([
      'C-1;01.02.2026;100',
      'C-1;02.02.2026;200',
      'C-1;03.02.2026;300',
      'C-2;04.02.2026;400',
    ]);
    expect(result.inserted).toBe(4);
    const ofImport = (history: HistoryEntry[]) =>
      history.filter((h) => h.batchId === result.batchId);
    const annas = ofImport(await world.call('history.list', { clientId: anna.id }));
    const boriss = ofImport(await world.call('history.list', { clientId: boris.id }));
    expect(annas).toHaveLength(1);
    expect(boriss).toHaveLength(1);
    await i18next.changeLanguage('ru');
    expect(importedSales(annas[0]!, t)).toBe('Импорт «sales.csv»: добавлено 3 продажи');
    expect(importedSales(boriss[0]!, t)).toBe('Импорт «sales.csv»: добавлена 1 продажа');
    await i18next.changeLanguage('en');
    expect(importedSales(annas[0]!, t)).toBe('Import “sales.csv”: 3 sales added');
    expect(importedSales(boriss[0]!, t)).toBe('Import “sales.csv”: 1 sale added');

    // The journal still counts a change per sale.
    const batches = await world.call('history.batches', { limit: 10 });
    expect(batches.find((b) => b.id === result.batchId)).toMatchObject({ changes: 4, clients: 2 });

    // The line records a creation: restoring it is refused, the sales stay.
    const refused = await world.send('history.revert', { changeId: annas[0]!.id });
    expect(refused).toMatchObject({ ok: false });
    expect(await liveSales(anna.id)).toEqual(['2026-02-01', '2026-02-02', '2026-02-03']);
  });

  it('undoing the import takes back exactly its sales; the analytics see every client changed', async () => {
    world = makeWorld({ locale: 'en' });
    const { anna, boris } = await twoClients();
    await world.call('sales.add', { clientId: anna.id, date: '2025-12-31', amount: 5_000 });
    const mark = changeMarks(world.app.wb).change;
    const result = await importSales([
      'C-1;01.02.2026;100',
      'C-2;04.02.2026;400',
      'C-2;05.02.2026;500',
    ]);
    expect(new Set(clientsChangedSince(world.app.wb, mark))).toEqual(new Set([anna.id, boris.id]));
    expect(await liveSales(boris.id)).toEqual(['2026-02-04', '2026-02-05']);

    const undo = await world.call('history.undoBatch', { batchId: result.batchId! });
    expect(undo).toMatchObject({ reverted: 3, skipped: 0 });
    expect(await liveSales(anna.id)).toEqual(['2025-12-31']);
    expect(await liveSales(boris.id)).toEqual([]);
  });

  it('an import recorded the old way, a line per sale, still undoes', async () => {
    world = makeWorld({ locale: 'en' });
    const { anna, boris } = await twoClients();
    const ctx = world.app.ctx;
    // As imports wrote before: each sale inserted and recorded as created under the batch.
    const batchId = ctx.wb.transaction(() => {
      const batch = startBatch(ctx, 'import', 'old.csv');
      const at = ctx.now().toISOString();
      const insert = ctx.wb.sqlite.prepare(
        `INSERT INTO sales (id, client_id, date, amount, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      const sales: [string, string][] = [
        [anna.id, '2026-03-01'],
        [anna.id, '2026-03-02'],
        [boris.id, '2026-03-03'],
      ];
      recordChanges(
        ctx,
        batch,
        sales.map(([clientId, date]) => {
          const id = uuidv7();
          insert.run(id, clientId, date, 1_000, at, at);
          return {
            entity: 'sale',
            entityId: id,
            clientId,
            field: 'created',
            oldValue: null,
            newValue: true,
          };
        }),
      );
      return batch;
    });
    expect(await liveSales(anna.id)).toHaveLength(2);
    const undo = await world.call('history.undoBatch', { batchId });
    expect(undo).toMatchObject({ reverted: 3, skipped: 0 });
    expect(await liveSales(anna.id)).toEqual([]);
    expect(await liveSales(boris.id)).toEqual([]);
  });
});
