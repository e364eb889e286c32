/** NPS answers recorded on a card: "how likely are you to recommend us?" 0–10, with a comment. */
import type { NpsAnswer } from '../../electron/api/contract';
import { AppError } from '../../electron/api/errors';
import type { Workbook } from '../workbook';
import type { WriteContext } from './history';
import { assertClient } from './clients';
import { localDay } from '../../kernel/local-date';

interface NpsRecord {
  id: string;
  clientId: string;
  score: number;
  comment: string | null;
  at: string;
}

const COLUMNS = 'id, client_id AS clientId, score, comment, at';

export function addNpsAnswer(
  ctx: WriteContext,
  input: {
    clientId: string;
    score: number;
    comment?: string | null | undefined;
    at?: string | undefined;
  },
): NpsAnswer {
  return ctx.wb.transaction(() => {
    assertClient(ctx.wb, input.clientId);
    const id = ctx.newId();
    const stamp = ctx.now().toISOString();
    ctx.wb.sqlite
      .prepare(
        'INSERT INTO nps_answers (id, client_id, score, comment, at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        input.clientId,
        input.score,
        input.comment ?? null,
        input.at ?? localDay(ctx.now()),
        stamp,
        stamp,
      );
    return requireAnswer(ctx.wb, id);
  });
}

export function listNpsAnswers(wb: Workbook, clientId: string): NpsAnswer[] {
  assertClient(wb, clientId);
  return wb.sqlite
    .prepare(
      `SELECT ${COLUMNS} FROM nps_answers WHERE client_id = ? AND deleted_at IS NULL ORDER BY at DESC, id DESC`,
    )
    .all(clientId) as NpsRecord[];
}

export function deleteNpsAnswer(ctx: WriteContext, id: string): NpsAnswer {
  const answer = requireAnswer(ctx.wb, id);
  const stamp = ctx.now().toISOString();
  ctx.wb.sqlite
    .prepare('UPDATE nps_answers SET deleted_at = ?, updated_at = ? WHERE id = ?')
    .run(stamp, stamp, id);
  return answer;
}

function requireAnswer(wb: Workbook, id: string): NpsAnswer {
  const row = wb.sqlite
    .prepare(`SELECT ${COLUMNS} FROM nps_answers WHERE id = ? AND deleted_at IS NULL`)
    .get(id) as NpsRecord | undefined;
  if (!row) throw new AppError('not_found', 'nps_not_found', {}, 'id');
  return row;
}
