/** How the file and its values are described to the user: names of encodings, delimiters, dates. */
import type { DateOrder, ImportPreview } from '../../../../electron/api/contract';
import { formatDate } from '../../lib/format';

const ENCODINGS: Record<string, 'utf8' | 'utf8bom' | 'win1251' | 'utf16'> = {
  'utf-8': 'utf8',
  'utf-8-bom': 'utf8bom',
  'windows-1251': 'win1251',
  'utf-16le': 'utf16',
  'utf-16be': 'utf16',
};
const DELIMITERS: Record<string, 'semicolon' | 'comma' | 'tab' | 'pipe'> = {
  ';': 'semicolon',
  ',': 'comma',
  '\t': 'tab',
  '|': 'pipe',
};

/** The catalogue key of an encoding's human name, or null for one without a name (shown as is). */
export function encodingKey(encoding: string | null): string | null {
  const key = encoding ? ENCODINGS[encoding] : undefined;
  return key ? `imp.preview.encodings.${key}` : null;
}

export function delimiterKey(delimiter: string | null): string | null {
  const key = delimiter ? DELIMITERS[delimiter] : undefined;
  return key ? `imp.preview.delimiters.${key}` : null;
}

/** The first non-empty value of a column among the preview rows. */
export function sampleValue(preview: ImportPreview, header: string): string {
  const index = preview.headers.indexOf(header);
  for (const row of preview.rows) {
    const value = row[index]?.trim();
    if (value) return value;
  }
  return '';
}

/**
 * How a date like `03/04/1985` reads in one order: "3 апр 1985" day-first, "4 мар 1985"
 * month-first; null when the value does not read as a date that way.
 */
export function readAs(value: string, order: DateOrder): string | null {
  const parts = /^(\d{1,2})\D(\d{1,2})\D(\d{2}|\d{4})\b/.exec(value.trim());
  if (!parts) return null;
  const [a, b, y] = [Number(parts[1]), Number(parts[2]), parts[3] ?? ''];
  const year = y.length === 2 ? (Number(y) > 40 ? 1900 : 2000) + Number(y) : Number(y);
  const [day, month] = order === 'mdy' ? [b, a] : [a, b];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDate(`${year}-${pad(month)}-${pad(day)}`);
}

/** A duration as "12 s" or "3 min", rounded up so it never says 0. */
export function durationParts(ms: number): { key: 'seconds' | 'minutes'; count: number } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 90
    ? { key: 'seconds', count: seconds }
    : { key: 'minutes', count: Math.ceil(seconds / 60) };
}

/** A value of the column that reads as a date both day-first and month-first, for the example. */
export function twoWayExample(preview: ImportPreview, header: string): string {
  const index = preview.headers.indexOf(header);
  for (const row of preview.rows) {
    const value = row[index]?.trim() ?? '';
    if (readAs(value, 'dmy') && readAs(value, 'mdy')) return value;
  }
  return sampleValue(preview, header);
}
