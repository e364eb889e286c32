/**
 * CSV as Excel opens it by double click: Russian workbooks get `;` and a decimal comma (what
 * Excel expects under a Russian locale), English ones `,` and a dot. Fields are quoted per
 * RFC 4180 (quotes doubled; a field with the delimiter, a quote or a line break is quoted) and
 * lines end with CRLF.
 */
import iconv from 'iconv-lite';
import type { ExportCell, ExportColumnType, ExportEncoding, Locale } from '../../api/contract';
import { guardFormula } from './formula-guard';
import { minorToDecimal } from '../../../kernel/numbers';
import { localDateTime, type ExportTable } from './table';
import { exportWords } from './words';

const BOM = '\uFEFF';

export function toCsv(table: ExportTable, locale: Locale, timeZone?: string): string {
  const delimiter = locale === 'ru' ? ';' : ',';
  const needsQuotes = new RegExp(`[${delimiter}"\\r\\n]`);
  const words = exportWords(locale);
  const decimal = (s: string) => (locale === 'ru' ? s.replace('.', ',') : s);
  // Plain digits, never grouping or an exponent; 15 significant decimals hide float noise.
  const plain = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 15 });

  const text = (cell: ExportCell, type: ExportColumnType): string => {
    if (cell === null) return '';
    if (typeof cell === 'boolean') return cell ? words.yes : words.no;
    if (typeof cell === 'number') {
      switch (type) {
        case 'money':
          return minorToDecimal(cell, locale === 'ru' ? ',' : '.');
        case 'percent':
          return `${decimal(plain.format(Math.round(cell * 10_000) / 100))}%`;
        case 'text':
          return String(cell);
        default:
          return decimal(plain.format(cell));
      }
    }
    if (type === 'datetime') return localDateTime(cell, timeZone);
    // Only text cells: a negative number in a number column is a number.
    if (type === 'text') return guardFormula(cell);
    return cell;
  };
  const field = (s: string) => (needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

  const types = table.columns.map((c) => c.type);
  const lines = [table.columns.map((c) => field(text(c.label, 'text'))).join(delimiter)];
  for (const row of table.rows) {
    lines.push(row.map((cell, i) => field(text(cell, types[i] ?? 'text'))).join(delimiter));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The bytes of the file: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the
 * system code page), or Windows-1251, where a character the code page lacks (emoji, Chinese,
 * most accented Latin letters) becomes '?': iconv-lite's replacement for unmappable characters.
 */
export function encodeCsv(csv: string, encoding: ExportEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(BOM + csv, 'utf8');
  // An emoji is two UTF-16 units, which iconv-lite would turn into two '?'; make it one.
  return iconv.encode(csv.replace(/[\u{10000}-\u{10FFFF}]/gu, '?'), 'win1251');
}
