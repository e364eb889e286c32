/**
 * The check's problems as a CSV file the user downloads and opens in Excel: UTF-8 with a BOM
 * (so Excel reads the letters right) and the list separator Excel expects in the language
 * (a semicolon in Russian, a comma in English).
 */
import type { TFunction } from 'i18next';
import type { ImportCheck } from '../../../../electron/api/contract';

function cell(value: string | number, delimiter: string): string {
  const text = String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function problemsCsv(check: ImportCheck, t: TFunction, language: string): string {
  const d = language === 'en' ? ',' : ';';
  const header = [
    t('imp.check.csv.row'),
    t('imp.check.csv.kind'),
    t('imp.check.csv.column'),
    t('imp.check.csv.value'),
    t('imp.check.csv.problem'),
  ];
  const rows: [number, ...string[]][] = [];
  for (const e of check.errors) {
    const message = e.blanked ? `${e.message} (${t('imp.check.errors.blanked')})` : e.message;
    rows.push([e.row, t('imp.check.csv.error'), e.column ?? '', e.value, message]);
  }
  for (const dup of check.duplicates) {
    rows.push([
      dup.row,
      t('imp.check.csv.duplicate'),
      t(`imp.check.matchedBy.${dup.matchedBy}`),
      dup.name,
      dup.firstRow !== null
        ? t('imp.check.csv.repeats', { row: dup.firstRow })
        : t('imp.check.csv.existing', { name: dup.name }),
    ]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  const lines = [header, ...rows].map((r) => r.map((v) => cell(v, d)).join(d));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
