/**
 * The native dialogs for workbook files, as plain data main.ts hands to Electron's `dialog`:
 * their words in the user's language, the `.kartoteka` filter, and where they start. They start
 * beside the open workbook, except when it lives in the program's own data folder (a hidden
 * place the user never chose): then in Documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { localDay } from '../../kernel/local-date';
import type { Locale, WorkbookPickMode } from '../api/contract';
import { translate } from '../api/messages';
import { WORKBOOK_EXTENSION } from '../paths';
import { hasWorkbookExtension } from './argv';

export interface DialogPlaces {
  /** The user's Documents folder. */
  documentsDir: string;
  /** The program's data folder (`userData`). */
  dataDir: string;
}

interface FileFilter {
  name: string;
  extensions: string[];
}

/** Shaped like Electron's `OpenDialogOptions`. */
export interface OpenDialogSpec {
  kind: 'open';
  title: string;
  buttonLabel: string;
  defaultPath: string;
  filters: FileFilter[];
  properties: 'openFile'[];
}

/** Shaped like Electron's `SaveDialogOptions`. */
export interface SaveDialogSpec {
  kind: 'save';
  title: string;
  buttonLabel: string;
  defaultPath: string;
  filters: FileFilter[];
  properties: ('createDirectory' | 'showOverwriteConfirmation')[];
}

export type WorkbookDialogSpec = OpenDialogSpec | SaveDialogSpec;

export interface WorkbookDialogRequest {
  mode: WorkbookPickMode;
  locale: Locale;
  /** The open workbook's file. */
  currentPath: string;
  places: DialogPlaces;
  now: Date;
  /** Whether a file exists already (a default name must not be taken); tests pass their own. */
  exists?: (file: string) => boolean;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Beside the open workbook, unless it is in the program's data folder. */
export function startFolder(currentPath: string, places: DialogPlaces): string {
  const folder = path.dirname(path.resolve(currentPath));
  return isInside(folder, places.dataDir) ? places.documentsDir : folder;
}

/** `base.kartoteka`, else `base 2.kartoteka`, `base 3.kartoteka`… whichever is free. */
function freeName(folder: string, base: string, exists: (file: string) => boolean): string {
  for (let n = 1; ; n += 1) {
    const file = path.join(folder, `${n === 1 ? base : `${base} ${n}`}${WORKBOOK_EXTENSION}`);
    if (!exists(file) || n >= 99) return file;
  }
}

function workbookName(file: string): string {
  const base = path.basename(file);
  return hasWorkbookExtension(base) ? base.slice(0, -WORKBOOK_EXTENSION.length) : base;
}

export function workbookDialog(request: WorkbookDialogRequest): WorkbookDialogSpec {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
    translate(request.locale, key, params);
  const exists = request.exists ?? fs.existsSync;
  const folder = startFolder(request.currentPath, request.places);
  const filters = [
    { name: t('dialog_filter_workbooks'), extensions: [WORKBOOK_EXTENSION.slice(1)] },
  ];
  if (request.mode === 'open') {
    return {
      kind: 'open',
      title: t('dialog_open_title'),
      buttonLabel: t('dialog_open_button'),
      defaultPath: folder,
      filters,
      properties: ['openFile'],
    };
  }
  const base =
    request.mode === 'create'
      ? t('default_new_name')
      : t('default_copy_name', {
          name: workbookName(request.currentPath),
          date: localDay(request.now),
        });
  return {
    kind: 'save',
    title: t(request.mode === 'create' ? 'dialog_create_title' : 'dialog_save_copy_title'),
    buttonLabel: t(request.mode === 'create' ? 'dialog_create_button' : 'dialog_save_copy_button'),
    defaultPath: freeName(folder, base, exists),
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/**
 * The path the user chose, or null when the dialog was closed. A new file gets `.kartoteka`
 * when the name typed lacks it (Linux dialogs do not add it from the filter).
 */
export function pickedWorkbookPath(
  mode: WorkbookPickMode,
  chosen: string | undefined | null,
): string | null {
  if (!chosen) return null;
  if (mode === 'open' || hasWorkbookExtension(chosen)) return chosen;
  return `${chosen}${WORKBOOK_EXTENSION}`;
}
