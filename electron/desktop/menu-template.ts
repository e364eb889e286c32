/**
 * The desktop app's menu bar as plain data: File (new, open, recent, save a copy, backups),
 * Edit, View, Help (About); on macOS the application menu (About, Quit) and Window instead of
 * Help. Words come from the user's language; main.ts turns the items into Electron's `Menu`
 * and runs an item's `action`.
 */
import path from 'node:path';
import type { RecentWorkbook } from '../api/contract';
import type { MessageKey } from '../api/messages';

/** What a menu item does when it is not one of Electron's standard roles. */
export type MenuAction =
  | { kind: 'new' }
  | { kind: 'open' }
  | { kind: 'openRecent'; path: string }
  | { kind: 'saveCopy' }
  | { kind: 'backups' }
  | { kind: 'about' };

/** Electron's roles the menus use (their behaviour and shortcuts are the platform's). */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'close'
  | 'quit'
  | 'minimize'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'front';

export interface MenuSpec {
  label?: string;
  /** A second line under the label (macOS), e.g. a recent workbook's folder. */
  sublabel?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  enabled?: boolean;
  action?: MenuAction;
  submenu?: MenuSpec[];
}

export interface MenuState {
  platform: NodeJS.Platform;
  /** Installed (not run from source): no developer tools. */
  packaged: boolean;
  /** The recent list, newest first, as `workbook.recent` gives it. */
  recent: readonly RecentWorkbook[];
  /** Whether a workbook is open: copying it and its backups need one. */
  hasWorkbook: boolean;
}

export type Translate = (key: MessageKey, params?: Record<string, string>) => string;

/** At most this many recent workbooks in the menu. */
export const RECENT_IN_MENU = 10;

const SEPARATOR: MenuSpec = { type: 'separator' };

/** Menus show `&` as a mnemonic marker on every platform; `&&` is a literal ampersand. */
export function menuText(text: string): string {
  return text.replaceAll('&', '&&');
}

function recentItems(state: MenuState, t: Translate): MenuSpec[] {
  const recent = state.recent.slice(0, RECENT_IN_MENU);
  if (recent.length === 0) return [{ label: t('menu_recent_none'), enabled: false }];
  const names = new Map<string, number>();
  for (const r of recent) names.set(r.name, (names.get(r.name) ?? 0) + 1);
  return recent.map((r) => {
    const folder = path.dirname(r.path);
    // Two workbooks of the same name are told apart by their folder.
    const name = (names.get(r.name) ?? 0) > 1 ? `${r.name} — ${folder}` : r.name;
    return {
      label: menuText(r.exists ? name : t('menu_recent_missing', { name })),
      sublabel: folder,
      enabled: r.exists,
      action: { kind: 'openRecent', path: r.path },
    };
  });
}

function fileMenu(state: MenuState, t: Translate): MenuSpec {
  const mac = state.platform === 'darwin';
  return {
    label: t('menu_file'),
    submenu: [
      { label: t('menu_new'), accelerator: 'CmdOrCtrl+N', action: { kind: 'new' } },
      { label: t('menu_open'), accelerator: 'CmdOrCtrl+O', action: { kind: 'open' } },
      { label: t('menu_open_recent'), submenu: recentItems(state, t) },
      SEPARATOR,
      {
        label: t('menu_save_copy'),
        accelerator: 'CmdOrCtrl+Shift+S',
        enabled: state.hasWorkbook,
        action: { kind: 'saveCopy' },
      },
      { label: t('menu_backups'), enabled: state.hasWorkbook, action: { kind: 'backups' } },
      SEPARATOR,
      { label: t('menu_close_window'), role: 'close' },
      // macOS quits from the application menu.
      ...(mac
        ? []
        : [
            {
              label: t(state.platform === 'win32' ? 'menu_exit' : 'menu_quit'),
              role: 'quit' as const,
            },
          ]),
    ],
  };
}

function editMenu(t: Translate): MenuSpec {
  return {
    label: t('menu_edit'),
    submenu: [
      { label: t('menu_undo'), role: 'undo' },
      { label: t('menu_redo'), role: 'redo' },
      SEPARATOR,
      { label: t('menu_cut'), role: 'cut' },
      { label: t('menu_copy'), role: 'copy' },
      { label: t('menu_paste'), role: 'paste' },
      { label: t('menu_select_all'), role: 'selectAll' },
    ],
  };
}

function viewMenu(state: MenuState, t: Translate): MenuSpec {
  return {
    label: t('menu_view'),
    submenu: [
      { label: t('menu_reload'), role: 'reload' },
      ...(state.packaged ? [] : [{ label: t('menu_dev_tools'), role: 'toggleDevTools' as const }]),
      SEPARATOR,
      { label: t('menu_actual_size'), role: 'resetZoom' },
      { label: t('menu_zoom_in'), role: 'zoomIn' },
      { label: t('menu_zoom_out'), role: 'zoomOut' },
      SEPARATOR,
      { label: t('menu_full_screen'), role: 'togglefullscreen' },
    ],
  };
}

function macAppMenu(t: Translate): MenuSpec {
  return {
    label: t('app_name'),
    submenu: [
      { label: t('menu_about_app'), action: { kind: 'about' } },
      SEPARATOR,
      { label: t('menu_services'), role: 'services' },
      SEPARATOR,
      { label: t('menu_hide_app'), role: 'hide' },
      { label: t('menu_hide_others'), role: 'hideOthers' },
      { label: t('menu_show_all'), role: 'unhide' },
      SEPARATOR,
      { label: t('menu_quit_app'), role: 'quit' },
    ],
  };
}

export function buildMenuTemplate(state: MenuState, t: Translate): MenuSpec[] {
  if (state.platform === 'darwin') {
    return [
      macAppMenu(t),
      fileMenu(state, t),
      editMenu(t),
      viewMenu(state, t),
      { label: t('menu_window'), submenu: [{ label: t('menu_minimize'), role: 'minimize' }] },
    ];
  }
  return [
    fileMenu(state, t),
    editMenu(t),
    viewMenu(state, t),
    { label: t('menu_help'), submenu: [{ label: t('menu_about_app'), action: { kind: 'about' } }] },
  ];
}
