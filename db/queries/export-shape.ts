/**
 * The shape of an exported client table: its columns and the words it carries in the
 * workbook's language (electron/services/export/words.ts has them per language).
 */
import type { ClientField, ClientKind, ExportColumnType, Stage } from '../../electron/api/contract';

/** The client columns an import can read back, by the export's column key. */
export type ExportedField = ClientField | 'id';

/** The words an exported file carries. */
export interface ExportWords {
  /** Column headers as the list shows them (the renderer's `fields.*`; a unit test holds it). */
  headers: Record<ExportedField, string>;
  stages: Record<Stage, string>;
  kinds: Record<ClientKind, string>;
  yes: string;
  no: string;
  clients: string;
}

export interface ExportColumn {
  label: string;
  type: ExportColumnType;
}
