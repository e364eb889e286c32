/** The workbook's refusals and file errors as the user reads them (`AppError`s with their words). */
import path from 'node:path';
import type { LockHolder, Locale } from '../../api/contract';
import { AppError } from '../../api/errors';
import { translate } from '../../api/messages';
import { WorkbookOpenError } from '../../../db/workbook';
import { workbookName } from './names';

/** Why a workbook was refused, in the user's words; other errors pass through unchanged. */
export function refusal(error: unknown, file: string): unknown {
  if (error instanceof WorkbookOpenError) {
    const name = workbookName(file);
    switch (error.reason) {
      case 'not_found':
        return new AppError('not_found', 'workbook_not_found', { path: file }, 'path');
      case 'folder':
        return new AppError('invalid_input', 'workbook_folder', { path: file }, 'path');
      case 'not_a_workbook':
        return new AppError('invalid_input', 'workbook_not_a_workbook', { name }, 'path');
      case 'foreign_database':
        return new AppError('invalid_input', 'workbook_foreign_database', { name }, 'path');
      case 'newer_version':
        return new AppError(
          'unavailable',
          'workbook_newer_version',
          { name, found: error.details.found ?? 0, known: error.details.known ?? 0 },
          'path',
        );
      case 'needs_migration':
        return new AppError('read_only', 'workbook_needs_migration', { name }, 'path');
      case 'foreign_keys':
        return new AppError('unavailable', 'workbook_foreign_keys', { name }, 'path');
      case 'password_required':
        return new AppError(
          'password_required',
          'workbook_password_required',
          { name },
          'password',
        );
      case 'wrong_password':
        return new AppError('wrong_password', 'workbook_wrong_password', { name }, 'password');
    }
  }
  return fileError(error, path.dirname(file)) ?? error;
}

/** A folder that cannot be written (permissions, a read-only medium, a full disk stays as is). */
export function fileError(error: unknown, folder: string): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('unavailable', 'workbook_cannot_write', { folder, details: String(code) });
  }
  if (code === 'ENOENT') return new AppError('not_found', 'workbook_folder_missing', { folder });
  return null;
}

const MONTHS: Record<Locale, string[]> = {
  ru: ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/**
 * Since when a holder has the workbook, in this computer's time and as the screens write dates:
 * "12 ноя 2026, 14:03" / "Nov 12, 2026, 14:03".
 */
export function sinceText(holder: LockHolder, locale: Locale): string {
  const at = new Date(holder.since);
  if (Number.isNaN(at.getTime())) return holder.since;
  const month = MONTHS[locale][at.getMonth()] ?? '';
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const day = at.getDate();
  return locale === 'ru'
    ? `${day} ${month} ${at.getFullYear()}, ${time}`
    : `${month} ${day}, ${at.getFullYear()}, ${time}`;
}

export function lockedError(
  file: string,
  holder: LockHolder,
  locale: Locale,
  key: 'workbook_locked' | 'workbook_copy_locked' = 'workbook_locked',
): AppError {
  return new AppError('locked', key, {
    name: workbookName(file),
    machine: holder.machine,
    user: holder.user,
    since: sinceText(holder, locale),
  });
}

/** What to tell a user whose workbook could not be opened at the start (a shell's first one). */
export function startFailure(error: unknown, locale: Locale): string {
  if (error instanceof AppError) return translate(locale, error.key, error.params);
  return error instanceof Error ? error.message : String(error);
}
