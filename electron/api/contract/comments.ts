/** Comments on a client's timeline: notes, calls, meetings and the rest. */
import { z } from 'zod';
import { COMMENT_KINDS, TOUCH_KINDS, type CommentKind, type TouchKind } from './enums';
import { id, requiredText } from './validators';

export interface Comment {
  id: string;
  clientId: string;
  kind: CommentKind;
  touch: TouchKind | null;
  author: string;
  body: string;
  at: string;
  createdAt: string;
  updatedAt: string;
}

export const commentAddInput = z
  .object({
    clientId: id,
    kind: z.enum(COMMENT_KINDS),
    body: requiredText(20_000),
    touch: z.enum(TOUCH_KINDS).nullable().optional(),
  })
  .strict();

export const commentUpdateInput = z
  .object({
    id,
    kind: z.enum(COMMENT_KINDS).optional(),
    body: requiredText(20_000).optional(),
    touch: z.enum(TOUCH_KINDS).nullable().optional(),
  })
  .strict();

export const commentListInput = z
  .object({ clientId: id, kind: z.enum(COMMENT_KINDS).optional() })
  .strict();

export const commentIdInput = z.object({ id }).strict();
