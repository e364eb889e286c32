/**
 * The standard text fields of a client card, in the order the list's column picker offers them:
 * one list for the renderer's catalogue, the list's filters and sorting (SQL) and the export.
 */
export const TEXT_FIELDS = [
  'name',
  'company',
  'position',
  'phone',
  'phone2',
  'email',
  'address',
  'channel',
  'note',
  'externalId',
  'taxId',
  'lostReason',
] as const;

export type TextField = (typeof TEXT_FIELDS)[number];

const TEXT_FIELD_SET: ReadonlySet<string> = new Set(TEXT_FIELDS);

export function isTextField(key: string): key is TextField {
  return TEXT_FIELD_SET.has(key);
}
