/** The dashboard's activity table: comments by kind per author over a window. */
import type { Dashboard } from '../../api/contract';
import { dayFromIso } from '../../analytics/days';
import { commentCounts } from '../../../db/queries/analytics-reads';
import type { Workbook } from '../../../db/workbook';

/**
 * Comments by kind per author over the window, counted in SQL (there can be hundreds of
 * thousands). Comments record their author by manager name (or id); any other author is the
 * computer's user, so its row carries no manager.
 */
export function activity(
  wb: Workbook,
  from: string,
  to: string,
  managerId: string | null,
  names: ReadonlyMap<string, string>,
): Dashboard['activity'] {
  const rows = commentCounts(wb, from, to, managerId);
  const days = dayFromIso(to) - dayFromIso(from) + 1;
  const byName = new Map([...names].map(([id, name]) => [name, id]));
  const managerOf = (author: string) => (names.has(author) ? author : (byName.get(author) ?? null));
  const byAuthor = new Map<string, Dashboard['activity'][number]>();
  for (const r of rows) {
    const entry = byAuthor.get(r.author) ?? {
      author: r.author,
      managerId: managerOf(r.author),
      total: 0,
      perDay: 0,
      byKind: {},
    };
    entry.total += r.n;
    entry.byKind[r.kind] = r.n;
    entry.perDay = entry.total / days;
    byAuthor.set(r.author, entry);
  }
  return [...byAuthor.values()].sort((a, b) => b.total - a.total);
}
