/**
 * Every standard field of a client, as stored and as returned, in the order of the clients
 * table's columns. Here rather than beside the fields' zod checks (`clientFieldShape` in the
 * contract, which must hold exactly these keys) so that the write paths, which the bulk and
 * import workers bundle, do not load the whole API contract with zod.
 */
export const CLIENT_FIELDS = [
  'kind',
  'name',
  'company',
  'position',
  'phone',
  'phone2',
  'email',
  'address',
  'birthday',
  'channel',
  'managerId',
  'stage',
  'lostReason',
  'tags',
  'note',
  'externalId',
  'taxId',
] as const;

export type ClientField = (typeof CLIENT_FIELDS)[number];

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
