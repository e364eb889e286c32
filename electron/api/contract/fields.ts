/** Custom (portrait) fields: their definitions and the values a client may hold. */
import { z } from 'zod';
import { FIELD_TYPES, type FieldType } from './enums';
import { requiredText } from './validators';

export { FIELD_TYPES, type FieldType } from './enums';

export interface FieldDef {
  id: string;
  /** Stable key used in `patch.custom` and filters: lower-case latin, digits, underscore. */
  key: string;
  label: string;
  type: FieldType;
  /** Choices for `choice` and `multichoice`. */
  options: string[];
  group: string | null;
  position: number;
  /** Set when the field is retired: hidden from cards, values kept. */
  retiredAt: string | null;
}

/**
 * A value of a custom field, by type: text → string; number → number; money → integer minor
 * units (kopecks, cents); date → `YYYY-MM-DD`; boolean → true/false; choice → one option;
 * multichoice → array of options. `null` clears the value.
 */
export type CustomValue = string | number | boolean | string[] | null;

export const fieldKey = z
  .string()
  .max(40)
  .refine((s) => /^[a-z][a-z0-9_]*$/.test(s), { params: { key: 'field_key' } });

const options = z.array(requiredText(100)).max(200);

export const fieldDefineInput = z
  .object({
    key: fieldKey,
    label: requiredText(100),
    type: z.enum(FIELD_TYPES),
    options: options.optional(),
    group: z.string().max(100).nullable().optional(),
  })
  .strict();

export const fieldUpdateInput = z
  .object({
    key: fieldKey,
    label: requiredText(100).optional(),
    options: options.optional(),
    group: z.string().max(100).nullable().optional(),
  })
  .strict();

export const fieldKeyInput = z.object({ key: fieldKey }).strict();
export const fieldReorderInput = z.object({ keys: z.array(fieldKey).max(500) }).strict();
export const fieldListInput = z
  .object({ includeRetired: z.boolean().optional() })
  .strict()
  .optional();

/** `patch.custom`: values by field key; each is checked against its field's type. */
export const customPatch = z.record(z.string().max(40), z.unknown());
