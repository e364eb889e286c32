/** Export of the client list and of tables the renderer already holds, to CSV or Excel. */
import { clientExportTable } from '../../../db/queries/client-export';
import { renderExport } from '../../services/export/file';
import { exportWords } from '../../services/export/words';
import type { HandlerSlice } from './types';

export const exportHandlers: HandlerSlice<'export.clients' | 'export.table'> = {
  'export.clients': ({ query, columns, format, encoding, fileName, timeZone }, ctx) => {
    const locale = ctx.locale();
    const words = exportWords(locale);
    const now = ctx.now();
    const table = clientExportTable(ctx.wb, { query, columns }, now, words);
    return renderExport(
      { title: words.clients, ...table },
      { format, encoding, fileName, locale, now, timeZone },
    );
  },
  'export.table': ({ title, columns, rows, format, encoding, fileName, timeZone }, ctx) =>
    renderExport(
      { title, columns, rows },
      { format, encoding, fileName, locale: ctx.locale(), now: ctx.now(), timeZone },
    ),
};
