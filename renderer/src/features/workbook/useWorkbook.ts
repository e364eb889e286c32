/** The open workbook and the recent list, and what the Workbook screen computes from them. */
import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { channelQuery } from '../../api/channel-query';

export const WORKBOOK_EXTENSION = '.kartoteka';

/** How often a portable workbook's state is asked again (saved back in the background, stick pulled out). */
const PORTABLE_POLL_MS = 2000;
/** While a large workbook's integrity is checked in the background, asked again until known. */
const CHECKING_EVERY_MS = 3000;

export function useWorkbookInfo() {
  return useQuery({
    ...channelQuery('workbook.info', {}),
    refetchInterval: (query) =>
      query.state.data?.integrity === 'checking'
        ? CHECKING_EVERY_MS
        : query.state.data?.portable
          ? PORTABLE_POLL_MS
          : false,
  });
}

export function useRecentWorkbooks() {
  return useQuery(channelQuery('workbook.recent', {}));
}

/**
 * After another workbook opened, every answer the screens keep belongs to the one before: start
 * afresh on Today, as at a start of the program.
 */
export function startOver(): void {
  window.location.hash = '#/today';
  window.location.reload();
}

/** The folder of a path, in the path's own separators (`C:\Data`, `/home/anna`). */
export function folderOf(file: string): string {
  const at = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return at <= 0 ? file.slice(0, at + 1) : file.slice(0, at);
}

/** A file name in the folder of `beside`, with the same separators. */
export function besideFile(beside: string, name: string): string {
  const separator = beside.includes('\\') && !beside.includes('/') ? '\\' : '/';
  const folder = folderOf(beside);
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** A file size as the user reads it: "1,2 МБ", "340 KB". */
export function formatBytes(bytes: number): string {
  const units = i18next.t('wbk.units', { returnObjects: true }) as unknown as Record<
    'kb' | 'mb' | 'gb',
    string
  >;
  const locale = i18next.language === 'en' ? 'en-US' : 'ru-RU';
  const space = i18next.language === 'en' ? ' ' : '\u00a0';
  const [value, unit] =
    bytes >= 1024 ** 3
      ? [bytes / 1024 ** 3, units.gb]
      : bytes >= 1024 ** 2
        ? [bytes / 1024 ** 2, units.mb]
        : [Math.max(1, bytes / 1024), units.kb];
  const digits = value < 10 ? 1 : 0;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${text}${space}${unit}`;
}
