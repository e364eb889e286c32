/**
 * The check's plan kept for the run (`kept-plan.ts`): the run that follows an unchanged check
 * writes at once (no reading or checking of the file again) and gives what a run planned afresh
 * gives; a write to the workbook between check and run (from the window's connection, as the
 * app does while the worker waits), a file changed in place (same size and time), or another
 * option makes the run plan again, and the edit is honoured.
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ImportPhase } from '../../electron/api/contract';
import { writeImport } from '../../db/queries/import-write';
import type { Workbook } from '../../db/workbook';
import { PlanKeeper } from '../../electron/services/import/kept-plan';
import { checkImport, runImport } from '../../electron/services/import/run';
import { makeWorld, type World } from '../helpers/world';

let world: World;
/** The worker's own connection to the workbook, as the import worker opens it. */
let worker: Workbook;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
  worker = world.worker();
});
afterEach(() => {
  world.dispose();
});

const ctx = () => ({
  wb: worker,
  now: () => new Date(),
  newId: () => uuidv7(),
  actor: () => 'Тест',
});

function envWith(keeper: PlanKeeper, phases: ImportPhase[] = []) {
  return {
    locale: 'ru' as const,
    today: '2026-12-01',
    keeper,
    onProgress: (phase: ImportPhase) => {
      if (!phases.includes(phase)) phases.push(phase);
    },
  };
}

function csv(name: string, rows: string[]) {
  const file = path.join(world.dir, name);
  fs.writeFileSync(file, ['ФИО;Телефон;Город', ...rows].join('\r\n'));
  return {
    path: file,
    target: 'clients' as const,
    mapping: { ФИО: 'name', Телефон: 'phone', Город: 'address' },
    onDuplicate: 'update' as const,
    onInvalid: 'skip' as const,
  };
}

const ROWS = ['Анна Петрова;+7 900 111-22-33;Москва', 'Борис Орлов;+7 900 111-22-44;Тверь'];

function clients() {
  return worker.sqlite
    .prepare('SELECT name, phone, address FROM clients WHERE deleted_at IS NULL ORDER BY name')
    .all();
}

it('writes the check’s plan at once when nothing changed, as a fresh plan would', async () => {
  const keeper = new PlanKeeper();
  const request = csv('a.csv', ROWS);
  expect(await checkImport(worker, request, envWith(keeper))).toMatchObject({ willCreate: 2 });
  const phases: ImportPhase[] = [];
  const result = await runImport(ctx(), request, envWith(keeper, phases));
  expect(phases).toEqual(['write']);
  expect(result).toMatchObject({ inserted: 2, updated: 0, skipped: 0, aborted: false });
  expect(clients()).toEqual([
    { name: 'Анна Петрова', phone: '+7 900 111-22-33', address: 'Москва' },
    { name: 'Борис Орлов', phone: '+7 900 111-22-44', address: 'Тверь' },
  ]);
  // The search, the card's history and the undo are those of any import.
  const found = await world.call('clients.list', { query: 'петрова' });
  expect(found.total).toBe(1);
  expect(world.count('changes')).toBe(2);
  expect(await world.call('history.undoBatch', { batchId: result.batchId! })).toMatchObject({
    reverted: 2,
  });
  expect(clients()).toEqual([]);

  // Given once: a second run without a check of its own plans again.
  const again: ImportPhase[] = [];
  await runImport(ctx(), request, envWith(keeper, again));
  expect(again).toContain('check');
});

it('plans again when the window’s connection wrote between check and run: the edit counts', async () => {
  const keeper = new PlanKeeper();
  const request = csv('b.csv', ROWS);
  expect(await checkImport(worker, request, envWith(keeper))).toMatchObject({ willCreate: 2 });
  // Meanwhile the user adds Anna by hand: the run must update her, not make a second card.
  await world.call('clients.create', { name: 'Анна П.', phone: '8 900 111 22 33' });
  const phases: ImportPhase[] = [];
  const result = await runImport(ctx(), request, envWith(keeper, phases));
  expect(phases).toContain('check');
  expect(result).toMatchObject({ inserted: 1, updated: 1 });
  expect(clients()).toEqual([
    { name: 'Анна Петрова', phone: '+7 900 111-22-33', address: 'Москва' },
    { name: 'Борис Орлов', phone: '+7 900 111-22-44', address: 'Тверь' },
  ]);
});

it('plans again for a file changed in place, even with the same size and time', async () => {
  const keeper = new PlanKeeper();
  const request = csv('c.csv', ROWS);
  await checkImport(worker, request, envWith(keeper));
  const { atime, mtime } = fs.statSync(request.path);
  fs.writeFileSync(request.path, fs.readFileSync(request.path, 'utf8').replace('Тверь', 'Пермь'));
  fs.utimesSync(request.path, atime, mtime);
  const phases: ImportPhase[] = [];
  await runImport(ctx(), request, envWith(keeper, phases));
  expect(phases).toContain('check');
  expect(clients()).toContainEqual({
    name: 'Борис Орлов',
    phone: '+7 900 111-22-44',
    address: 'Пермь',
  });
});

it('plans again when an option differs from the check’s, and not for the order of keys', async () => {
  await world.call('clients.create', { name: 'Анна П.', phone: '8 900 111 22 33' });
  const keeper = new PlanKeeper();
  const request = csv('d.csv', ROWS);
  await checkImport(worker, request, envWith(keeper));
  const phases: ImportPhase[] = [];
  const result = await runImport(
    ctx(),
    { ...request, onDuplicate: 'skip' },
    envWith(keeper, phases),
  );
  expect(phases).toContain('check');
  expect(result).toMatchObject({ inserted: 1, updated: 0, skipped: 1 });

  // The same request with its keys in another order is the same request.
  const second = csv('e.csv', ['Вера Соколова;+7 900 111-22-55;Омск']);
  await checkImport(worker, second, envWith(keeper));
  const { onInvalid, onDuplicate, ...rest } = second;
  const reordered: ImportPhase[] = [];
  await runImport(ctx(), { onInvalid, onDuplicate, ...rest }, envWith(keeper, reordered));
  expect(reordered).toEqual(['write']);
});

it('writes nothing when the write finds the workbook changed as it starts', () => {
  const before = { batches: world.count('batches'), clients: world.count('clients') };
  const op = {
    row: 2,
    action: 'create' as const,
    clientId: null,
    values: { name: 'Анна' },
    custom: [],
    managerName: 'Новый менеджер',
  };
  expect(() =>
    writeImport(ctx(), [op], [], {
      label: 'f.csv',
      newManagers: ['Новый менеджер'],
      onStart: () => {
        throw new Error('changed');
      },
    }),
  ).toThrow('changed');
  expect({ batches: world.count('batches'), clients: world.count('clients') }).toEqual(before);
  expect(world.count('managers')).toBe(0);
});
