/** The client list query: search, filters on any field, sorting; shared by list, bulk and views. */
import { z } from 'zod';
import { FILTER_OPS, type FilterOp } from './enums';

/**
 * One condition. `field` is a standard client field (`stage`, `managerId`, `birthday`, …),
 * `custom.<key>` for a custom field, or a related figure: `lastPurchase` (date),
 * `revenueYear` (minor units, current calendar year), `lastContact` (date of the latest comment
 * of a contact kind), `suggestedStage` (the stage the sales point to, when it differs from the
 * client's), `birthdayIn` (days to the next birthday, 0 on the day: `lte 7` is "within a
 * week"). `value` is omitted for `empty` / `notEmpty`, an array for `in`.
 */
export interface Filter {
  field: string;
  op: FilterOp;
  value?: string | number | boolean | string[] | null;
}

export interface Sort {
  field: string;
  dir: 'asc' | 'desc';
}

export interface ListQuery {
  query?: string;
  filters?: Filter[];
  sort?: Sort;
  /** List the trash instead of the live clients. */
  trash?: boolean;
}

export const filterSchema = z
  .object({
    field: z.string().min(1).max(80),
    op: z.enum(FILTER_OPS),
    value: z
      .union([
        z.string().max(500),
        z.number(),
        z.boolean(),
        z.array(z.string().max(200)).max(500),
        z.null(),
      ])
      .optional(),
  })
  .strict();

export const listQueryShape = {
  query: z.string().max(200).optional(),
  filters: z.array(filterSchema).max(30).optional(),
  sort: z
    .object({ field: z.string().min(1).max(80), dir: z.enum(['asc', 'desc']) })
    .strict()
    .optional(),
  trash: z.boolean().optional(),
};
