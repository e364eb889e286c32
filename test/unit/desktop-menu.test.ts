/**
 * The desktop app's menu bar, built as plain data: its words in the workbook's language, the
 * recent workbooks, what is greyed out, and the platform's conventions (Exit on Windows, the
 * application menu on macOS, no developer tools in the installed program).
 */
import { describe, expect, it } from 'vitest';
import type { RecentWorkbook } from '../../electron/api/contract';
import { translate } from '../../electron/api/messages';
import {
  buildMenuTemplate,
  type MenuSpec,
  type MenuState,
} from '../../electron/desktop/menu-template';

const tr =
  (locale: 'ru' | 'en') =>
  (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
    translate(locale, key, params);

function recent(path: string, overrides: Partial<RecentWorkbook> = {}): RecentWorkbook {
  const name = path
    .split('/')
    .pop()!
    .replace(/\.kartoteka$/, '');
  return {
    path,
    name,
    openedAt: '2026-11-12T10:00:00.000Z',
    exists: true,
    encrypted: false,
    ...overrides,
  };
}

function state(overrides: Partial<MenuState> = {}): MenuState {
  return { platform: 'linux', packaged: true, recent: [], hasWorkbook: true, ...overrides };
}

/** A menu as a person reads it: labels, with "(off)" for greyed-out items and "---" for lines. */
function read(items: MenuSpec[]): unknown[] {
  return items.map((item) => {
    if (item.type === 'separator') return '---';
    const label = `${item.label ?? ''}${item.enabled === false ? ' (off)' : ''}`;
    return item.submenu ? { [label]: read(item.submenu) } : label;
  });
}

function menu(template: MenuSpec[], label: string): MenuSpec[] {
  const found = template.find((m) => m.label === label);
  if (!found?.submenu) throw new Error(`no menu ${label}`);
  return found.submenu;
}

describe('the menu bar on Windows and Linux', () => {
  it('reads in Russian', () => {
    const template = buildMenuTemplate(state({ platform: 'win32' }), tr('ru'));
    expect(read(template)).toEqual([
      {
        Файл: [
          'Создать книгу…',
          'Открыть…',
          { 'Открыть недавние': ['Недавних книг нет (off)'] },
          '---',
          'Сохранить копию как…',
          'Резервные копии…',
          '---',
          'Закрыть окно',
          'Выход',
        ],
      },
      {
        Правка: [
          'Отменить',
          'Повторить',
          '---',
          'Вырезать',
          'Копировать',
          'Вставить',
          'Выделить всё',
        ],
      },
      {
        Вид: [
          'Перезагрузить',
          '---',
          'Фактический размер',
          'Увеличить',
          'Уменьшить',
          '---',
          'Во весь экран',
        ],
      },
      { Справка: ['О программе «Картотека»'] },
    ]);
  });

  it('reads in English, with Quit on Linux and Exit on Windows', () => {
    const linux = buildMenuTemplate(state(), tr('en'));
    expect(read(linux).map((m) => Object.keys(m as object)[0])).toEqual([
      'File',
      'Edit',
      'View',
      'Help',
    ]);
    expect(read(menu(linux, 'File'))).toEqual([
      'New Workbook…',
      'Open…',
      { 'Open Recent': ['No recent workbooks (off)'] },
      '---',
      'Save a Copy As…',
      'Backups…',
      '---',
      'Close Window',
      'Quit',
    ]);
    expect(
      read(menu(buildMenuTemplate(state({ platform: 'win32' }), tr('en')), 'File')).at(-1),
    ).toBe('Exit');
    expect(read(menu(linux, 'Help'))).toEqual(['About Kartoteka']);
  });

  it('gives the file commands their shortcuts and actions; the rest are the platform’s roles', () => {
    const file = menu(buildMenuTemplate(state(), tr('en')), 'File');
    expect(file.filter((i) => i.action).map((i) => [i.accelerator, i.action])).toEqual([
      ['CmdOrCtrl+N', { kind: 'new' }],
      ['CmdOrCtrl+O', { kind: 'open' }],
      ['CmdOrCtrl+Shift+S', { kind: 'saveCopy' }],
      [undefined, { kind: 'backups' }],
    ]);
    expect(file.filter((i) => i.role).map((i) => i.role)).toEqual(['close', 'quit']);
    const edit = menu(buildMenuTemplate(state(), tr('en')), 'Edit');
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('developer tools only when run from source', () => {
    const view = (packaged: boolean) =>
      read(menu(buildMenuTemplate(state({ packaged }), tr('en')), 'View'));
    expect(view(true)).not.toContain('Developer Tools');
    expect(view(false)).toContain('Developer Tools');
  });

  it('without an open workbook, Save a Copy and Backups are greyed out', () => {
    const file = read(menu(buildMenuTemplate(state({ hasWorkbook: false }), tr('ru')), 'Файл'));
    expect(file).toContain('Сохранить копию как… (off)');
    expect(file).toContain('Резервные копии… (off)');
    expect(file).toContain('Открыть…');
  });
});

describe('Open Recent', () => {
  it('lists the recent workbooks; a missing one is greyed out and says so', () => {
    const list = [
      recent('/media/stick/Салон.kartoteka'),
      recent('/home/ann/Клиенты.kartoteka', { exists: false }),
    ];
    const submenu = (locale: 'ru' | 'en') => {
      const file = menu(
        buildMenuTemplate(state({ recent: list }), tr(locale)),
        locale === 'ru' ? 'Файл' : 'File',
      );
      return file[2]!.submenu!;
    };
    expect(read(submenu('ru'))).toEqual(['Салон', 'Клиенты (файл не найден) (off)']);
    expect(read(submenu('en'))).toEqual(['Салон', 'Клиенты (not found) (off)']);
    expect(submenu('en').map((i) => [i.action, i.sublabel])).toEqual([
      [{ kind: 'openRecent', path: '/media/stick/Салон.kartoteka' }, '/media/stick'],
      [{ kind: 'openRecent', path: '/home/ann/Клиенты.kartoteka' }, '/home/ann'],
    ]);
  });

  it('tells two workbooks of one name apart by their folder, shows & as it is, keeps ten', () => {
    const list = [
      recent('/media/stick/Клиенты.kartoteka'),
      recent('/home/ann/Клиенты.kartoteka'),
      recent('/home/ann/Salon & Spa.kartoteka'),
      ...Array.from({ length: 12 }, (_, i) => recent(`/home/ann/book${i}.kartoteka`)),
    ];
    const items = menu(buildMenuTemplate(state({ recent: list }), tr('en')), 'File')[2]!.submenu!;
    expect(items).toHaveLength(10);
    expect(items.slice(0, 3).map((i) => i.label)).toEqual([
      'Клиенты — /media/stick',
      'Клиенты — /home/ann',
      // Electron reads a single & as a keyboard mnemonic and hides it.
      'Salon && Spa',
    ]);
  });
});

describe('the menu bar on macOS', () => {
  it('has the application menu with About and Quit, and Window instead of Help', () => {
    const template = buildMenuTemplate(state({ platform: 'darwin' }), tr('ru'));
    expect(read(template).map((m) => Object.keys(m as object)[0])).toEqual([
      'Картотека',
      'Файл',
      'Правка',
      'Вид',
      'Окно',
    ]);
    expect(read(menu(template, 'Картотека'))).toEqual([
      'О программе «Картотека»',
      '---',
      'Службы',
      '---',
      'Скрыть Картотеку',
      'Скрыть остальные',
      'Показать все',
      '---',
      'Завершить Картотеку',
    ]);
    expect(read(menu(template, 'Файл')).at(-1)).toBe('Закрыть окно');
    expect(menu(template, 'Картотека')[0]!.action).toEqual({ kind: 'about' });
  });
});
