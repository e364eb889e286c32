/** The stage ladder: how sales move a client from prospect to regular, and its settings. */
import { z } from 'zod';

/**
 * The rules of the ladder: prospect (no purchase) → first purchase (one purchase day) →
 * repeat (two or more) → regular (`regularDays` purchase days within the `regularMonths`
 * months up to the latest purchase). A lost client who buys again is suggested "won back";
 * lost, advocate and won back are never set by the ladder.
 */
export interface StageRules {
  /** Move stages along the ladder when sales are written, unless a person set the stage. */
  auto: boolean;
  regularDays: number;
  regularMonths: number;
}

export const stageRulesSetInput = z
  .object({
    auto: z.boolean().optional(),
    // Two purchase days already make "repeat": regular needs more.
    regularDays: z.number().int().min(3).max(366).optional(),
    regularMonths: z.number().int().min(1).max(120).optional(),
  })
  .strict();
