/**
 * `print.toPdf`: the desktop app saves the window's page (the meeting brief) as a PDF through
 * its save dialog; the suggested name is made safe for any file system and the dialog speaks
 * the user's language. The browser shell has no such dialog and says how to print instead.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfFileName, pdfSaveDialog } from '../../electron/desktop/pdf-save';
import { makeWorld, type World } from '../helpers/world';

let world: World | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

describe('print.toPdf', () => {
  it('asks the desktop app for the PDF with the suggested name and the user’s language', async () => {
    const asked: { fileName: string; locale: string }[] = [];
    const answers = ['/home/anna/Documents/Соколова.pdf', null];
    world = makeWorld({
      locale: 'ru',
      platform: {
        pickImportFile: () => Promise.resolve(null),
        printToPdf: (request) => {
          asked.push(request);
          return Promise.resolve(answers.shift() ?? null);
        },
      },
    });
    expect(await world.call('print.toPdf', { fileName: 'Соколова — Справка' })).toEqual({
      path: '/home/anna/Documents/Соколова.pdf',
    });
    // The user closed the dialog.
    expect(await world.call('print.toPdf', { fileName: 'Соколова' })).toEqual({ path: null });
    expect(asked).toEqual([
      { fileName: 'Соколова — Справка', locale: 'ru' },
      { fileName: 'Соколова', locale: 'ru' },
    ]);
    for (const input of [{}, { fileName: '' }, { fileName: 'x', path: '/etc/passwd' }]) {
      expect(await world.send('print.toPdf', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(asked).toHaveLength(2);
  });

  it('without the desktop app says to use the print dialog, in the user’s language', async () => {
    world = makeWorld({ locale: 'en' });
    expect(await world.send('print.toPdf', { fileName: 'Sokolova' })).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message:
          'Saving a PDF directly works only in the desktop app; use the browser’s print dialog and choose “Save as PDF”.',
      },
    });
  });
});

describe('the PDF’s save dialog', () => {
  it('suggests a safe file name in the Documents folder', () => {
    expect(pdfFileName('ООО "Ромашка": Иванов / Петров')).toBe('ООО Ромашка Иванов Петров.pdf');
    expect(pdfFileName('..\\..\\etc\\passwd')).toBe('etc passwd.pdf');
    expect(pdfFileName('  ...  ')).toBe('brief.pdf');
    expect(pdfFileName('Отчёт.PDF')).toBe('Отчёт.PDF');
    expect(pdfFileName('a\u0000b\nc')).toBe('a b c.pdf');
    expect(pdfFileName('я'.repeat(300))).toHaveLength(124);
    const spec = pdfSaveDialog({
      fileName: 'Соколова — Справка к встрече',
      locale: 'ru',
      documentsDir: '/home/anna/Документы',
    });
    expect(spec).toEqual({
      title: 'Сохранить справку к встрече в PDF',
      defaultPath: path.join('/home/anna/Документы', 'Соколова — Справка к встрече.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(pdfSaveDialog({ fileName: 'x', locale: 'en', documentsDir: '/d' }).title).toBe(
      'Save the meeting brief as PDF',
    );
  });
});
