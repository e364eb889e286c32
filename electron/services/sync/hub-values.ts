/**
 * Values as the hub's jsonb column holds them. jsonb cannot hold the character U+0000 in a
 * string, and one such character in a note would stop every later push; such a value travels
 * as its JSON text inside a one-key wrapper object instead, and comes back as it went. A value
 * that happens to look like the wrapper is wrapped too, so reading back is never ambiguous.
 */
const WRAPPER = '$kartoteka';

function wrapped(value: unknown): value is Record<typeof WRAPPER, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === WRAPPER;
}

/** The JSON text to store (cast to jsonb in SQL); null for "no value". */
export function toHubJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const json = JSON.stringify(value);
  if (!json.includes('\\u0000') && !wrapped(value)) return json;
  return JSON.stringify({ [WRAPPER]: json });
}

/** The value as it was pushed, from what pg parsed out of the jsonb column. */
export function fromHubJson(stored: unknown): unknown {
  if (wrapped(stored) && typeof stored[WRAPPER] === 'string') {
    return JSON.parse(stored[WRAPPER]) as unknown;
  }
  return stored;
}
