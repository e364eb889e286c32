/**
 * The desktop app meets an encrypted workbook (a double-click, File → Open, Open Recent): the
 * window shows the Workbook screen's open form with the path filled in and asks for the
 * password there; no message box, and the open workbook stays open meanwhile.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askPasswordInWindow, passwordRoute } from '../../electron/desktop/password-route';
import { WorkbookActions, type MessageBox } from '../../electron/desktop/workbook-actions';
import { makeWorld, type World } from '../helpers/world';

let world: World | null = null;
afterEach(() => world?.dispose());

describe('an encrypted workbook opened from the desktop shell', () => {
  it('shows the open form with its path, asking for the password there', async () => {
    const w = (world = makeWorld({ locale: 'ru' }));
    const file = path.join(w.dir, 'Клиенты & co #1.kartoteka');
    await w.call('workbook.create', { path: file, password: 'секрет' });
    await w.call('workbook.open', { path: w.file });
    const routes: string[] = [];
    const boxes: MessageBox[] = [];
    const actions = new WorkbookActions({
      dispatch: w.app.dispatch,
      ui: {
        showMessage: (box) => {
          boxes.push(box);
          return Promise.resolve(0);
        },
        showWorkbook: () => routes.push('start'),
        focus: () => undefined,
        showInFolder: () => undefined,
      },
      locale: () => 'ru',
      currentPath: () => Promise.resolve(w.app.wb.file),
      version: 'test',
      askPassword: askPasswordInWindow((hash) => routes.push(hash)),
    });

    expect(await actions.openPath(file)).toBe('cancelled');
    expect(routes).toEqual([passwordRoute(file)]);
    expect(boxes).toEqual([]);
    expect(w.app.wb.file).toBe(w.file);
    // The route carries the whole path, whatever its characters, for the form to read back.
    const query = new URLSearchParams(passwordRoute(file).split('?')[1]);
    expect(query.get('open')).toBe(file);
  });
});
