/**
 * How each standard client field is checked when written: the client schemas' fields, and the
 * import's check of a converted value. In a module of its own so that the import's code, which
 * the shell loads as it starts, does not build the rest of the contract's schemas with it.
 */
import { z } from 'zod';
import { CLIENT_KINDS, STAGES } from './enums';
import { birthday, email, id, optionalText, phone, requiredText } from './validators';
import type { ClientField } from '../../../kernel/client-fields';

/** The client fields a user may write (every one of `CLIENT_FIELDS`), and how each is validated. */
export const clientFieldShape = {
  kind: z.enum(CLIENT_KINDS).optional(),
  name: requiredText(200),
  company: optionalText(200),
  position: optionalText(200),
  phone,
  phone2: phone,
  email,
  address: optionalText(500),
  birthday,
  channel: optionalText(100),
  managerId: id.nullable().optional(),
  stage: z.enum(STAGES).optional(),
  lostReason: optionalText(200),
  tags: z.array(requiredText(50)).max(50).optional(),
  note: optionalText(10_000),
  externalId: optionalText(100),
  taxId: optionalText(20),
} as const satisfies Record<ClientField, z.ZodType>;
