/** Comments on a client's timeline; every add, edit and delete is kept in history. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Comment, CommentKind, TouchKind } from '../../electron/api/contract';
import { AppError } from '../../electron/api/errors';
import type { Workbook } from '../workbook';
import { comments } from '../schema';
import { recordChanges, startBatch, type ChangeInput, type WriteContext } from './history';
import { reindexText } from './search';

type CommentRecord = typeof comments.$inferSelect;

function toComment(r: CommentRecord): Comment {
  return {
    id: r.id,
    clientId: r.clientId,
    kind: r.kind,
    touch: r.touch,
    author: r.author,
    body: r.body,
    at: r.at,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function requireComment(wb: Workbook, id: string, includeDeleted = false): CommentRecord {
  const row = wb.db
    .select()
    .from(comments)
    .where(
      includeDeleted ? eq(comments.id, id) : and(eq(comments.id, id), isNull(comments.deletedAt)),
    )
    .get();
  if (!row) throw new AppError('not_found', 'comment_not_found', {}, 'id');
  return row;
}

export function addComment(
  ctx: WriteContext,
  input: {
    clientId: string;
    kind: CommentKind;
    body: string;
    touch?: TouchKind | null | undefined;
  },
): Comment {
  return ctx.wb.transaction(() => {
    const at = ctx.now().toISOString();
    const id = ctx.newId();
    ctx.wb.db
      .insert(comments)
      .values({
        id,
        clientId: input.clientId,
        kind: input.kind,
        touch: input.touch ?? null,
        author: ctx.actor(),
        body: input.body,
        at,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    const batchId = startBatch(ctx, 'edit', 'comment');
    const base = { entity: 'comment', entityId: id, clientId: input.clientId, oldValue: null };
    recordChanges(ctx, batchId, [
      { ...base, field: 'kind', newValue: input.kind },
      { ...base, field: 'body', newValue: input.body },
      ...(input.touch ? [{ ...base, field: 'touch', newValue: input.touch }] : []),
    ]);
    reindexText(ctx.wb, [input.clientId]);
    return toComment(requireComment(ctx.wb, id));
  });
}

export type CommentPatch = Partial<Pick<Comment, 'kind' | 'body' | 'touch'>> & {
  deletedAt?: string | null;
};

/** Changes a comment (or deletes / undeletes it via `deletedAt`) and records each change. */
export function patchComment(
  ctx: WriteContext,
  id: string,
  patch: CommentPatch,
  batchId?: string,
): Comment {
  const before = requireComment(ctx.wb, id, patch.deletedAt === null);
  const changes: ChangeInput[] = [];
  const set: Partial<CommentRecord> = {};
  for (const field of ['kind', 'body', 'touch', 'deletedAt'] as const) {
    const value = patch[field];
    if (value === undefined || value === before[field]) continue;
    changes.push({
      entity: 'comment',
      entityId: id,
      clientId: before.clientId,
      field,
      oldValue: before[field],
      newValue: value,
    });
    Object.assign(set, { [field]: value });
  }
  if (changes.length > 0) {
    ctx.wb.db
      .update(comments)
      .set({ ...set, updatedAt: ctx.now().toISOString() })
      .where(eq(comments.id, id))
      .run();
    recordChanges(ctx, batchId ?? startBatch(ctx, 'edit', 'comment'), changes);
    reindexText(ctx.wb, [before.clientId]);
  }
  return toComment(requireComment(ctx.wb, id, true));
}

export function updateComment(ctx: WriteContext, id: string, patch: CommentPatch): Comment {
  return ctx.wb.transaction(() => patchComment(ctx, id, patch));
}

export function deleteComment(ctx: WriteContext, id: string): Comment {
  return ctx.wb.transaction(() => patchComment(ctx, id, { deletedAt: ctx.now().toISOString() }));
}

export function listComments(wb: Workbook, clientId: string, kind?: CommentKind): Comment[] {
  return wb.db
    .select()
    .from(comments)
    .where(
      and(
        eq(comments.clientId, clientId),
        isNull(comments.deletedAt),
        kind ? eq(comments.kind, kind) : undefined,
      ),
    )
    .orderBy(desc(comments.at), desc(comments.id))
    .all()
    .map(toComment);
}
