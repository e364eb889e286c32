/**
 * The small decisions of the desktop shell, Electron-free: what to redo after a call, workbooks
 * asked for before the window is up, the words of reminder notifications, and the files the
 * `app://` protocol serves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectsOf } from '../../electron/desktop/call-effects';
import { OpenRequests } from '../../electron/desktop/open-requests';
import { reminderNotes } from '../../electron/desktop/reminder-notes';
import { serveRendererFile } from '../../electron/renderer-protocol';
import { tempDir } from '../helpers/world';

describe('after a call', () => {
  it('another workbook open: notifications and menus follow it', () => {
    for (const channel of ['workbook.open', 'workbook.create', 'workbook.restore']) {
      expect(effectsOf(channel, true)).toEqual({ reminders: false, workbook: true, menu: true });
      // A workbook that did not open changes nothing.
      expect(effectsOf(channel, false)).toEqual({ reminders: false, workbook: false, menu: false });
    }
  });

  it('the language or the recent list: the menus; reminders: the next notification', () => {
    // The language: every screen is read again, and notifications rescheduled (harmless).
    expect(effectsOf('settings.set', true)).toEqual({
      reminders: true,
      workbook: false,
      menu: true,
    });
    expect(effectsOf('workbook.saveCopy', true).menu).toBe(true);
    expect(effectsOf('reminders.snooze', true)).toEqual({
      reminders: true,
      workbook: false,
      menu: false,
    });
    expect(effectsOf('reminders.add', false).reminders).toBe(false);
    expect(effectsOf('clients.update', true)).toEqual({
      reminders: false,
      workbook: false,
      menu: false,
    });
    for (const read of [
      'workbook.info',
      'workbook.recent',
      'workbook.backups',
      'workbook.pickFile',
    ])
      expect(effectsOf(read, true)).toEqual({ reminders: false, workbook: false, menu: false });
    // A backup taken, a password set: the recent list may say so.
    expect(effectsOf('workbook.backup', true).menu).toBe(true);
  });
});

describe('workbooks asked for before the window is up', () => {
  it('wait for it; the last one asked wins; later ones go at once', () => {
    const requests = new OpenRequests();
    const opened: string[] = [];
    requests.request('/a.kartoteka');
    requests.request('/b.kartoteka');
    expect(opened).toEqual([]);
    requests.ready((file) => opened.push(file));
    expect(opened).toEqual(['/b.kartoteka']);
    requests.request('/c.kartoteka');
    expect(opened).toEqual(['/b.kartoteka', '/c.kartoteka']);
  });

  it('nothing asked, nothing opened', () => {
    const requests = new OpenRequests();
    const opened: string[] = [];
    requests.ready((file) => opened.push(file));
    expect(opened).toEqual([]);
  });
});

describe('reminder notifications', () => {
  const due = (clientName: string, title: string) => ({
    id: `r-${clientName}`,
    clientId: `c/${clientName}`,
    clientName,
    title,
    at: new Date('2026-11-20T09:00:00Z'),
  });

  it('one per reminder, opening the client’s card', () => {
    expect(reminderNotes([due('Анна', 'Позвонить')], false, 'ru')).toEqual([
      {
        title: 'Напоминание: Анна',
        body: 'Позвонить',
        route: '#/clients/c%2F%D0%90%D0%BD%D0%BD%D0%B0',
      },
    ]);
  });

  it('several missed while closed: one summary opening Today', () => {
    const items = [due('Анна', 'Позвонить'), due('Борис', 'Каталог'), due('Вера', 'Счёт')];
    expect(reminderNotes(items, true, 'ru')).toEqual([
      {
        title: 'Пропущено, пока Картотека была закрыта: 3',
        body: 'Анна: Позвонить и другие. Откройте «Сегодня», чтобы увидеть все.',
        route: '#/today',
      },
    ]);
    expect(reminderNotes(items, true, 'en')[0]!.title).toBe('Missed while Kartoteka was closed: 3');
    expect(reminderNotes([], true, 'en')).toEqual([]);
  });
});

describe('the app:// protocol', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('kartoteka-renderer-');
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>K</title>');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.info(1)');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const get = (url: string) => serveRendererFile(dir, new Request(url));

  it('serves the renderer’s files with the Content-Security-Policy', async () => {
    const index = get('app://kartoteka/');
    expect(index.status).toBe(200);
    expect(index.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(await get('app://kartoteka/assets/app.js').text()).toBe('console.info(1)');
  });

  it('serves nothing outside them, and a broken address is not found', () => {
    expect(get('app://kartoteka/..%2F..%2Fetc%2Fpasswd').status).toBe(404);
    expect(get('app://kartoteka/missing.js').status).toBe(404);
    expect(get('app://kartoteka/%E0%A4%A').status).toBe(404);
  });
});
