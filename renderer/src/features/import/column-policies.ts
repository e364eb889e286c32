/**
 * What a bad value in each mapped column does, as sent in `onInvalidColumns`: the user's choice,
 * else the field's default (left empty; the row skipped for the name and the matching keys).
 */
import type { ImportCellPolicy, ImportFieldInfo } from '../../../../electron/api/contract';

export function columnPolicies(
  fields: ImportFieldInfo[],
  mapping: Record<string, string | null>,
  chosen: Record<string, ImportCellPolicy>,
): Record<string, ImportCellPolicy> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const out: Record<string, ImportCellPolicy> = {};
  for (const [header, key] of Object.entries(mapping)) {
    const badCell = key ? byKey.get(key)?.badCell : undefined;
    if (!badCell || badCell === 'fixed') continue;
    out[header] = chosen[header] ?? badCell;
  }
  return out;
}
