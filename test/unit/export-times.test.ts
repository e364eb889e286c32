/**
 * Times in exports as the screen shows them: the renderer's time zone, with the offset in CSV,
 * the same wall clock in Excel, and the file named by the screen's day.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../electron/api/contract';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

const bytesOf = (file: ExportFile) => Buffer.from(file.base64, 'base64');

function readCsv(file: ExportFile) {
  const text = bytesOf(file).subarray(3).toString('utf8');
  return { cells: Papa.parse<string[]>(text.replace(/\r\n$/, ''), { delimiter: ';' }).data };
}

async function readXlsx(file: ExportFile) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
  return { sheet: workbook.worksheets[0]! };
}

describe('times as the screen shows them', () => {
  const at = '2026-11-30T08:44:00.000Z';
  const timeTable = (format: 'csv' | 'xlsx', timeZone?: string) =>
    world.call('export.table', {
      title: 'Время',
      columns: [{ label: 'Когда', type: 'datetime' }],
      rows: [[at]],
      format,
      ...(timeZone ? { timeZone } : {}),
    });

  it("writes a CSV time in the screen's zone with its offset", async () => {
    const cell = async (timeZone: string) =>
      readCsv(await timeTable('csv', timeZone)).cells[1]?.[0];
    expect(await cell('Europe/Moscow')).toBe('2026-11-30 11:44 +03:00');
    expect(await cell('America/New_York')).toBe('2026-11-30 03:44 -05:00');
    expect(await cell('Asia/Kolkata')).toBe('2026-11-30 14:14 +05:30');
    expect(await cell('UTC')).toBe('2026-11-30 08:44 +00:00');
  });

  it("writes an Excel time as the screen's wall clock, and names the file by the screen's day", async () => {
    const { sheet } = await readXlsx(await timeTable('xlsx', 'Europe/Moscow'));
    expect(sheet.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 10, 30, 11, 44)));
    // The world's clock reads 2026-11-12 11:03 UTC: already the 13th on Kiritimati (UTC+14).
    expect((await timeTable('csv', 'Pacific/Kiritimati')).fileName).toBe('Время-2026-11-13.csv');
    expect((await timeTable('csv', 'America/New_York')).fileName).toBe('Время-2026-11-12.csv');
  });

  it("writes a client's change time in the screen's zone", async () => {
    await world.call('clients.create', makeClient({ name: 'Временова' }));
    const file = await world.call('export.clients', {
      format: 'csv',
      columns: [
        { key: 'name', label: 'Имя' },
        { key: 'updatedAt', label: 'Изменён' },
      ],
      timeZone: 'Europe/Moscow',
    });
    expect(readCsv(file).cells[1]?.[1]).toMatch(/^2026-11-12 14:\d\d \+03:00$/);
  });

  it('refuses a time zone it does not know', async () => {
    const envelope = await world.send('export.table', {
      title: 'Время',
      columns: [{ label: 'Когда', type: 'datetime' }],
      rows: [[at]],
      format: 'csv',
      timeZone: 'Mars/Olympus',
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'timeZone' },
    });
  });
});
