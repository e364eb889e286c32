/** Why clients were lost: counts and shares per reason, most frequent first (ties by reason). */

export interface LostReasonRow {
  /** null: no reason given. */
  reason: string | null;
  count: number;
  share: number;
}

/** `reasons`: one entry per lost client, its reason or null. */
export function lostReasons(reasons: readonly (string | null)[]): LostReasonRow[] {
  const counts = new Map<string | null, number>();
  for (const r of reasons) {
    const key = r === null || r.trim() === '' ? null : r;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, count, share: count / reasons.length }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.reason === b.reason
          ? 0
          : a.reason === null
            ? 1
            : b.reason === null
              ? -1
              : a.reason < b.reason
                ? -1
                : 1),
    );
}
