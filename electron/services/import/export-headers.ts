/**
 * Kartoteka reads its own exports without the user's help: the headers its export writes (the
 * list's column names, in either language) and each field's own label are taken as synonyms,
 * after the file-format synonyms of `targets.ts`.
 */
import { exportWords, type ExportedField } from '../export/words';
import type { TargetField } from './targets';

/** An import field's key → the key of the export column that fills it, where they differ. */
const EXPORT_COLUMN: Record<string, ExportedField> = { manager: 'managerId' };

const HEADERS = [exportWords('ru').headers, exportWords('en').headers];

export function withExportHeaders(fields: TargetField[]): TargetField[] {
  return fields.map((field) => {
    const column = EXPORT_COLUMN[field.key] ?? field.key;
    const exported = HEADERS.flatMap((h) => (column in h ? [h[column as ExportedField]] : []));
    return { ...field, synonyms: [...field.synonyms, field.label.ru, field.label.en, ...exported] };
  });
}
