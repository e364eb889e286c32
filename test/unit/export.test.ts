/**
 * Export to CSV and Excel, on a real workbook through the real dispatch: what a user would see
 * opening the file (encoding, delimiter, quoting, numbers and dates), the list's filters and
 * order, custom fields and manager names, and refusals of bad input.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope, ExportFile, InputOf } from '../../electron/api/contract';
import { clientExportTable } from '../../db/queries/client-export';
import { exportWords } from '../../electron/services/export/words';
import { readCsv as readImportCsv } from '../../electron/services/import/source';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

const bytesOf = (file: ExportFile) => Buffer.from(file.base64, 'base64');

/** The CSV's text without its BOM, and its cells parsed by a real CSV reader. */
function readCsv(file: ExportFile, delimiter = ';') {
  const bytes = bytesOf(file);
  const text = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))
    ? bytes.subarray(3).toString('utf8')
    : bytes.toString('utf8');
  const parsed = Papa.parse<string[]>(text.replace(/\r\n$/, ''), { delimiter });
  expect(parsed.errors).toEqual([]);
  return { text, cells: parsed.data };
}

async function readXlsx(file: ExportFile) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  return { workbook, sheet };
}

const exportClients = (
  input: Omit<InputOf<'export.clients'>, 'format'> & { format?: 'csv' | 'xlsx' },
) => world.call('export.clients', { format: 'csv', ...input });

const COLUMNS = [
  { key: 'name', label: 'Имя' },
  { key: 'company', label: 'Компания' },
  { key: 'stage', label: 'Стадия' },
  { key: 'managerId', label: 'Менеджер' },
];

describe('CSV for Excel', () => {
  it('starts with the UTF-8 byte-order mark, uses ; in Russian and keeps Russian text intact', async () => {
    await world.call(
      'clients.create',
      makeClient({ name: 'Ёлкина Мария', company: 'Салон «Лилия»' }),
    );
    const file = await exportClients({ columns: COLUMNS });
    expect([...bytesOf(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.mime).toBe('text/csv;charset=utf-8');
    expect(file.fileName).toMatch(/^Клиенты-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.rows).toBe(1);
    const { text, cells } = readCsv(file);
    expect(text.split('\r\n')[0]).toBe('Имя;Компания;Стадия;Менеджер');
    expect(cells[1]).toEqual(['Ёлкина Мария', 'Салон «Лилия»', 'Потенциальный', '']);
  });

  it('writes Windows-1251 on request: the bytes decode to the same text, with no BOM', async () => {
    await world.call(
      'clients.create',
      makeClient({ name: 'Щукин Ёж', note: 'Заметка № 5 — «тест»' }),
    );
    const columns = [...COLUMNS, { key: 'note', label: 'Заметка' }];
    const utf8 = readCsv(await exportClients({ columns })).text;
    const file = await exportClients({ columns, encoding: 'windows-1251' });
    const bytes = bytesOf(file);
    expect(file.mime).toBe('text/csv;charset=windows-1251');
    expect(bytes[0]).not.toBe(0xef);
    expect(bytes.includes(Buffer.from('Щукин', 'utf8'))).toBe(false);
    expect(iconv.decode(bytes, 'win1251')).toBe(utf8);
  });

  it('turns a character Windows-1251 lacks into one question mark', async () => {
    await world.call('clients.create', makeClient({ name: 'Ли 漢 😀 Ёж' }));
    const file = await exportClients({
      columns: [{ key: 'name', label: 'Имя' }],
      encoding: 'windows-1251',
    });
    expect(iconv.decode(bytesOf(file), 'win1251')).toBe('Имя\r\nЛи ? ? Ёж\r\n');
  });

  it('quotes fields with the delimiter, quotes and line breaks, and they read back whole', async () => {
    const company = 'ООО "Ромашка"; филиал, склад';
    const note = 'Первая строка\nвторая; "третья"';
    await world.call('clients.create', makeClient({ name: 'Кавычкин', company, note }));
    const file = await exportClients({
      columns: [
        { key: 'name', label: 'Имя' },
        { key: 'company', label: 'Компания' },
        { key: 'note', label: 'Заметка' },
      ],
    });
    const { text, cells } = readCsv(file);
    expect(text).toContain('"ООО ""Ромашка""; филиал, склад"');
    expect(cells[1]).toEqual(['Кавычкин', company, note]);
  });

  it('keeps text that a spreadsheet would run as a formula as text, and leaves numbers alone', async () => {
    await world.call('clients.create', {
      name: '=HYPERLINK("http://evil","жми")',
      company: '+cmd|calc',
      position: '@SUM(A1)',
      note: "-2+3*cmd|' /C calc'!A0",
    });
    const file = await exportClients({
      columns: ['name', 'company', 'position', 'note'].map((key) => ({ key, label: key })),
    });
    expect(readCsv(file).cells[1]).toEqual([
      `'=HYPERLINK("http://evil","жми")`,
      "'+cmd|calc",
      "'@SUM(A1)",
      "'-2+3*cmd|' /C calc'!A0",
    ]);
    const table = await world.call('export.table', {
      title: 'Числа',
      columns: [
        { label: '=Итог', type: 'number' },
        { label: 'Текст', type: 'text' },
      ],
      rows: [[-5, '-5']],
      format: 'csv',
    });
    expect(readCsv(table).cells).toEqual([
      ["'=Итог", 'Текст'],
      ['-5', '-5'],
    ]);
  });

  it('leaves phones and amounts unguarded, and the import reads every guarded cell back', async () => {
    const texts = [
      '+7 (901) 872-17-84',
      '-1 200,50',
      '+44 20 7946 0958',
      '=SUM(A1)',
      '@x',
      "-2+3*cmd|' /C calc'!A0",
      '+cmd|calc',
      '\tзаметка',
      "'=уже с апострофом",
      "''@дважды",
      "'просто апостроф",
      "'+7 901",
    ];
    const file = await world.call('export.table', {
      title: 'Тексты',
      columns: [{ label: 'Текст', type: 'text' }],
      rows: texts.map((t) => [t]),
      format: 'csv',
    });
    const written = readCsv(file)
      .cells.slice(1)
      .map((r) => r[0]);
    expect(written.slice(0, 3)).toEqual(['+7 (901) 872-17-84', '-1 200,50', '+44 20 7946 0958']);
    expect(written.slice(3)).toEqual([
      "'=SUM(A1)",
      "'@x",
      "'-2+3*cmd|' /C calc'!A0",
      "'+cmd|calc",
      "'\tзаметка",
      "''=уже с апострофом",
      "'''@дважды",
      "'просто апостроф",
      "''+7 901",
    ]);
    const read = readImportCsv(bytesOf(file));
    expect(read.headers).toEqual(['Текст']);
    expect(read.rows.map((r) => r[0])).toEqual(texts);
  });

  it('reads the phones of an older export, which guarded every +7, back without the apostrophe', () => {
    const old =
      "Имя;Телефон;Сумма\r\nИванова;'+7 (901) 872-17-84;'-1 200,50\r\nПетров;'просто;'=1\r\n";
    const read = readImportCsv(Buffer.from(old, 'utf8'));
    expect(read.rows).toEqual([
      ['Иванова', '+7 (901) 872-17-84', '-1 200,50'],
      ['Петров', "'просто", '=1'],
    ]);
  });

  it('writes numbers with a decimal comma in Russian and , with a dot in English', async () => {
    const input: InputOf<'export.table'> = {
      title: 'Отчёт',
      columns: [
        { label: 'Name', type: 'text' },
        { label: 'Qty', type: 'number' },
        { label: 'Sum', type: 'money' },
        { label: 'Share', type: 'percent' },
        { label: 'Day', type: 'date' },
        { label: 'VIP', type: 'boolean' },
      ],
      rows: [
        ['Анна, Б.', 1.5, 123456, 0.125, '2026-03-05', true],
        ['Boris', 1e21, -5, null, null, false],
      ],
      format: 'csv',
    };
    const ruFile = await world.call('export.table', input);
    expect(readCsv(ruFile).text).toBe(
      'Name;Qty;Sum;Share;Day;VIP\r\n' +
        'Анна, Б.;1,5;1234,56;12,5%;2026-03-05;да\r\n' +
        'Boris;1000000000000000000000;-0,05;;;нет\r\n',
    );
    await world.call('settings.set', { language: 'en' });
    const enFile = await world.call('export.table', input);
    expect(readCsv(enFile, ',').text).toBe(
      'Name,Qty,Sum,Share,Day,VIP\r\n' +
        '"Анна, Б.",1.5,1234.56,12.5%,2026-03-05,yes\r\n' +
        'Boris,1000000000000000000000,-0.05,,,no\r\n',
    );
  });
});

describe('Excel', () => {
  it('gives header labels, numbers as numbers, money with two decimals and dates as dates', async () => {
    await world.call('fields.define', { key: 'area', label: 'Площадь', type: 'number' });
    await world.call('fields.define', { key: 'vip', label: 'VIP', type: 'boolean' });
    const { id } = await world.call(
      'clients.create',
      makeClient({
        name: 'Числова Анна',
        birthday: '1985-03-14',
        custom: { area: 42.5, vip: true },
      }),
    );
    await world.call('sales.add', { clientId: id, date: '2026-03-05', amount: 123450 });
    const file = await exportClients({
      format: 'xlsx',
      columns: [
        { key: 'name', label: 'Имя' },
        { key: 'birthday', label: 'День рождения' },
        { key: 'revenueYear', label: 'Выручка за год' },
        { key: 'lastPurchase', label: 'Последняя покупка' },
        { key: 'custom.area', label: 'Площадь' },
        { key: 'custom.vip', label: 'VIP' },
        { key: 'updatedAt', label: 'Изменён' },
      ],
    });
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.fileName).toMatch(/^Клиенты-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { sheet } = await readXlsx(file);
    expect(sheet.name).toBe('Клиенты');
    const header = sheet.getRow(1);
    expect(header.values).toEqual([
      undefined,
      'Имя',
      'День рождения',
      'Выручка за год',
      'Последняя покупка',
      'Площадь',
      'VIP',
      'Изменён',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();

    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('Числова Анна');
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(1985, 2, 14)));
    expect(row.getCell(2).numFmt).toBe('dd.mm.yyyy');
    expect(row.getCell(3).value).toBe(1234.5);
    expect(row.getCell(3).numFmt).toBe('#,##0.00');
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(row.getCell(5).value).toBe(42.5);
    expect(row.getCell(6).value).toBe(true);
    expect(row.getCell(7).value).toBeInstanceOf(Date);
    // exceljs leaves out a column of the default width (9).
    const widths = [1, 2, 3, 4, 5, 6, 7].map((c) => sheet.getColumn(c).width ?? 9);
    for (const width of widths) expect(width).toBeGreaterThanOrEqual(8);
    expect(widths[1]).toBeGreaterThan('День рождения'.length);
  });

  it('writes a report table with percent and date-time cells', async () => {
    const file = await world.call('export.table', {
      title: 'Точки роста: 2026 / все?',
      columns: [
        { label: 'Клиент', type: 'text' },
        { label: 'Доля', type: 'percent' },
        { label: 'Когда', type: 'datetime' },
      ],
      rows: [
        ['Анна', 0.25, '2026-11-12T11:03:00.000Z'],
        [null, null, '2026-11-12T11:03:00.000Z'],
      ],
      format: 'xlsx',
    });
    expect(file.fileName).toMatch(/^Точки роста 2026 все-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { sheet } = await readXlsx(file);
    expect(sheet.name).toBe('Точки роста 2026 все');
    expect(sheet.getCell('B2').value).toBe(0.25);
    expect(sheet.getCell('B2').numFmt).toBe('0.0%');
    const when = new Date('2026-11-12T11:03:00.000Z');
    const local = new Date(
      Date.UTC(
        when.getFullYear(),
        when.getMonth(),
        when.getDate(),
        when.getHours(),
        when.getMinutes(),
      ),
    );
    expect(sheet.getCell('C2').value).toEqual(local);
    // Empty cells stay empty and the next ones stay in their columns.
    expect(sheet.getRow(3).values).toEqual([undefined, undefined, undefined, local]);
  });
});

describe('the clients it exports', () => {
  it('exports only the clients the query matches, in the list order', async () => {
    const stage = { stage: 'regular' as const };
    await world.call('clients.create', makeClient({ name: 'Борисов', ...stage }));
    await world.call('clients.create', makeClient({ name: 'Алексеева', ...stage }));
    await world.call('clients.create', makeClient({ name: 'Васильев' }));
    const { id: gone } = await world.call(
      'clients.create',
      makeClient({ name: 'Григорьев', ...stage }),
    );
    await world.call('clients.delete', { id: gone });
    const names = async (query: InputOf<'export.clients'>['query']) =>
      readCsv(await exportClients({ query, columns: [{ key: 'name', label: 'Имя' }] }))
        .cells.slice(1)
        .map((r) => r[0]);

    expect(await names(undefined)).toEqual(['Алексеева', 'Борисов', 'Васильев']);
    const regular = { filters: [{ field: 'stage', op: 'eq' as const, value: 'regular' }] };
    expect(await names(regular)).toEqual(['Алексеева', 'Борисов']);
    expect(await names({ ...regular, sort: { field: 'name', dir: 'desc' } })).toEqual([
      'Борисов',
      'Алексеева',
    ]);
    expect(await names({ query: 'васил' })).toEqual(['Васильев']);
    expect(await names({ trash: true })).toEqual(['Григорьев']);
    const listed = await world.call('clients.list', { sort: { field: 'stage', dir: 'asc' } });
    expect(await names({ sort: { field: 'stage', dir: 'asc' } })).toEqual(
      listed.rows.map((r) => r.name),
    );
  });

  it('writes custom fields, manager names, tags and stage names in the workbook language', async () => {
    const manager = await world.call('managers.add', { name: 'Петров Олег' });
    await world.call('fields.define', {
      key: 'brands',
      label: 'Бренды',
      type: 'multichoice',
      options: ['Alpha', 'Beta'],
    });
    await world.call('fields.define', { key: 'limit', label: 'Лимит', type: 'money' });
    await world.call('clients.create', {
      name: 'Портретова',
      managerId: manager.id,
      stage: 'advocate',
      tags: ['опт', 'vip'],
      custom: { brands: ['Alpha', 'Beta'], limit: 500000 },
    });
    const columns = [
      { key: 'name', label: 'Имя' },
      { key: 'managerId', label: 'Менеджер' },
      { key: 'stage', label: 'Стадия' },
      { key: 'kind', label: 'Тип' },
      { key: 'tags', label: 'Метки' },
      { key: 'custom.brands', label: 'Бренды' },
      { key: 'custom.limit', label: 'Лимит' },
    ];
    expect(readCsv(await exportClients({ columns })).cells[1]).toEqual([
      'Портретова',
      'Петров Олег',
      'Адвокат',
      'Человек',
      'опт, vip',
      'Alpha, Beta',
      '5000,00',
    ]);
    await world.call('settings.set', { language: 'en' });
    expect(readCsv(await exportClients({ columns }), ',').cells[1]).toEqual([
      'Портретова',
      'Петров Олег',
      'Advocate',
      'Person',
      'опт, vip',
      'Alpha, Beta',
      '5000.00',
    ]);
  });

  it('reads the same rows whether it looks clients up or reads whole tables (big exports)', async () => {
    const manager = await world.call('managers.add', { name: 'Сидорова' });
    await world.call('fields.define', { key: 'area', label: 'Площадь', type: 'number' });
    const { id: a } = await world.call('clients.create', {
      name: 'Альфа',
      managerId: manager.id,
      custom: { area: 10 },
    });
    const { id: b } = await world.call('clients.create', { name: 'Бета', tags: ['опт'] });
    const { id: gone } = await world.call('clients.create', { name: 'Гамма', custom: { area: 5 } });
    await world.call('clients.delete', { id: gone });
    await world.call('sales.add', { clientId: a, date: '2026-03-05', amount: 1000 });
    await world.call('sales.add', { clientId: gone, date: '2026-03-06', amount: 5000 });
    await world.call('comments.add', { clientId: b, kind: 'call', body: 'Звонок' });
    const input = {
      query: { sort: { field: 'name', dir: 'desc' as const } },
      columns: ['name', 'managerId', 'tags', 'custom.area', 'revenueYear', 'lastContact'].map(
        (key) => ({ key, label: key }),
      ),
    };
    const now = world.app.ctx.now();
    const lookedUp = clientExportTable(world.app.wb, input, now, exportWords('ru'));
    const whole = clientExportTable(world.app.wb, input, now, exportWords('ru'), 0);
    expect(whole).toEqual(lookedUp);
    expect(whole.rows.map((r) => r.slice(0, 5))).toEqual([
      ['Бета', null, 'опт', null, 0],
      ['Альфа', 'Сидорова', null, 10, 1000],
    ]);
    expect(whole.rows[0]?.[5]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('uses the same stage and kind names as the screens', () => {
    expect(exportWords('ru').stages).toEqual(ru.stages);
    expect(exportWords('en').stages).toEqual(en.stages);
    expect(exportWords('ru').kinds).toEqual(ru.kinds);
    expect(exportWords('en').kinds).toEqual(en.kinds);
  });

  it("uses the list's column names as headers, which the import reads back", () => {
    for (const [words, screen] of [
      [exportWords('ru'), ru],
      [exportWords('en'), en],
    ] as const) {
      for (const [key, header] of Object.entries(words.headers)) {
        expect(header, key).toBe(screen.fields[key as keyof typeof screen.fields]);
      }
    }
  });
});

describe('refusals', () => {
  const refusal = (envelope: Envelope<unknown>) => {
    expect(envelope.ok).toBe(false);
    if (envelope.ok) throw new Error('expected a refusal');
    return envelope.error;
  };

  it('refuses a column that is not a field, naming it', async () => {
    const error = refusal(
      await world.send('export.clients', {
        columns: [
          { key: 'name', label: 'Имя' },
          { key: 'custom.nope', label: 'Нет' },
        ],
        format: 'csv',
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', field: 'columns.1.key' });
    expect(error.message).toContain('custom.nope');
  });

  it('refuses a bad format, a row of the wrong length and a cell of the wrong type', async () => {
    const table = {
      title: 'Отчёт',
      columns: [
        { label: 'Имя', type: 'text' },
        { label: 'Сумма', type: 'money' },
      ],
      rows: [['Анна', 100]],
      format: 'csv',
    };
    expect(refusal(await world.send('export.table', { ...table, format: 'pdf' }))).toMatchObject({
      code: 'invalid_input',
      field: 'format',
    });
    const short = refusal(await world.send('export.table', { ...table, rows: [['Анна']] }));
    expect(short.issues?.[0]).toEqual({
      path: 'rows.0',
      message: 'В этой строке не столько ячеек, сколько столбцов в таблице.',
    });
    const text = refusal(await world.send('export.table', { ...table, rows: [['Анна', 'сто']] }));
    expect(text.issues?.[0]).toEqual({ path: 'rows.0.1', message: 'Ожидается число.' });
    const date = refusal(
      await world.send('export.table', {
        ...table,
        columns: [{ label: 'День', type: 'date' }],
        rows: [['31.02.2026']],
      }),
    );
    expect(date.issues?.[0]?.path).toBe('rows.0.0');
  });

  it('refuses tables over the limits with a clear message', async () => {
    const columns = Array.from({ length: 501 }, (_, i) => ({ label: `c${i}`, type: 'text' }));
    const wide = refusal(
      await world.send('export.table', { title: 'x', columns, rows: [], format: 'csv' }),
    );
    expect(wide.issues?.[0]).toEqual({ path: 'columns', message: 'Максимум 500 элементов.' });
    const long = refusal(
      await world.send('export.table', {
        title: 'x',
        columns: [{ label: 'a', type: 'text' }],
        rows: [['я'.repeat(10_001)]],
        format: 'csv',
      }),
    );
    expect(long.issues?.[0]).toEqual({
      path: 'rows.0.0',
      message: 'Максимум 10\u00a0000 символов.',
    });
    const many = refusal(
      await world.send('export.table', {
        title: 'x',
        columns: [{ label: 'a', type: 'number' }],
        rows: Array.from({ length: 200_001 }, () => [1]),
        format: 'csv',
      }),
    );
    expect(many.issues?.[0]?.path).toBe('rows');
  });
});
