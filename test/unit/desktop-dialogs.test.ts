/**
 * The desktop app's workbook file dialogs: their words in the user's language, only workbooks
 * offered for opening, a new file named sensibly beside the open workbook (never inside the
 * program's hidden data folder) and given `.kartoteka` when the name typed lacks it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  pickedWorkbookPath,
  workbookDialog,
  type DialogPlaces,
} from '../../electron/desktop/dialog-options';
import { tempDir } from '../helpers/world';

let root: string;
let places: DialogPlaces;
let stick: string;
beforeEach(() => {
  root = tempDir('kartoteka-dialogs-');
  places = { documentsDir: path.join(root, 'Documents'), dataDir: path.join(root, 'data') };
  stick = path.join(root, 'stick');
  for (const dir of [places.documentsDir, places.dataDir, stick]) fs.mkdirSync(dir);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const NOW = new Date(2026, 10, 12, 23, 30); // late evening, local time

describe('the open dialog', () => {
  it('offers only workbooks, in Russian and in English', () => {
    const ru = workbookDialog({
      mode: 'open',
      locale: 'ru',
      currentPath: path.join(stick, 'Клиенты.kartoteka'),
      places,
      now: NOW,
    });
    expect(ru).toEqual({
      kind: 'open',
      title: 'Открыть рабочую книгу',
      buttonLabel: 'Открыть',
      defaultPath: stick,
      filters: [{ name: 'Рабочие книги Картотеки', extensions: ['kartoteka'] }],
      properties: ['openFile'],
    });
    const en = workbookDialog({
      mode: 'open',
      locale: 'en',
      currentPath: path.join(stick, 'Clients.kartoteka'),
      places,
      now: NOW,
    });
    expect(en).toMatchObject({
      title: 'Open a workbook',
      buttonLabel: 'Open',
      filters: [{ name: 'Kartoteka workbooks', extensions: ['kartoteka'] }],
    });
  });

  it('starts in Documents while the workbook lives in the program’s data folder', () => {
    const spec = workbookDialog({
      mode: 'open',
      locale: 'en',
      currentPath: path.join(places.dataDir, 'workbook.kartoteka'),
      places,
      now: NOW,
    });
    expect(spec.defaultPath).toBe(places.documentsDir);
  });
});

describe('the save dialogs', () => {
  it('a new workbook: a free name beside the open one', () => {
    const create = (locale: 'ru' | 'en') =>
      workbookDialog({
        mode: 'create',
        locale,
        currentPath: path.join(stick, 'Клиенты.kartoteka'),
        places,
        now: NOW,
      });
    expect(create('ru')).toEqual({
      kind: 'save',
      title: 'Новая рабочая книга',
      buttonLabel: 'Создать',
      defaultPath: path.join(stick, 'Новая книга.kartoteka'),
      filters: [{ name: 'Рабочие книги Картотеки', extensions: ['kartoteka'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    fs.writeFileSync(path.join(stick, 'Новая книга.kartoteka'), '');
    expect(create('ru').defaultPath).toBe(path.join(stick, 'Новая книга 2.kartoteka'));
    expect(create('en')).toMatchObject({
      title: 'New workbook',
      buttonLabel: 'Create',
      defaultPath: path.join(stick, 'New workbook.kartoteka'),
    });
  });

  it('a copy: named after the workbook and the local day, in Documents for a hidden workbook', () => {
    const copy = (locale: 'ru' | 'en', currentPath: string) =>
      workbookDialog({ mode: 'saveCopy', locale, currentPath, places, now: NOW });
    expect(copy('ru', path.join(places.dataDir, 'workbook.kartoteka'))).toMatchObject({
      title: 'Сохранить копию рабочей книги',
      buttonLabel: 'Сохранить копию',
      defaultPath: path.join(places.documentsDir, 'workbook (копия 2026-11-12).kartoteka'),
    });
    expect(copy('en', path.join(stick, 'Salon & Spa.kartoteka'))).toMatchObject({
      title: 'Save a copy of the workbook',
      buttonLabel: 'Save copy',
      defaultPath: path.join(stick, 'Salon & Spa (copy 2026-11-12).kartoteka'),
    });
  });
});

describe('the path the user chose', () => {
  it('gets .kartoteka when a new file’s name lacks it; a closed dialog is null', () => {
    expect(pickedWorkbookPath('create', '/home/ann/Салон')).toBe('/home/ann/Салон.kartoteka');
    expect(pickedWorkbookPath('saveCopy', '/media/stick/copy.txt')).toBe(
      '/media/stick/copy.txt.kartoteka',
    );
    expect(pickedWorkbookPath('saveCopy', '/media/stick/Копия.KARTOTEKA')).toBe(
      '/media/stick/Копия.KARTOTEKA',
    );
    expect(pickedWorkbookPath('open', '/home/ann/book.kartoteka')).toBe('/home/ann/book.kartoteka');
    expect(pickedWorkbookPath('create', undefined)).toBe(null);
    expect(pickedWorkbookPath('open', '')).toBe(null);
  });
});
