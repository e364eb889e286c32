/**
 * Random-access pages of the client list for a virtualized table: only the pages that hold
 * visible rows are fetched, so 100,000 clients cost a few hundred rows of memory.
 */
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { ClientListRow, ListQuery } from '../../../../electron/api/contract';
import { channelQuery } from '../../api/channel-query';
import { LIST_PAGE_SIZE } from '../../api/early-calls';

/**
 * Rows per page: a full screen of rows and the overscan around it fit in the first page, so a
 * start reads one page. 100 cost the start a second page's worth of rows read from the disk,
 * sent and rendered (100,000 clients, spawn to typed results, 5 alternated pairs: 100 ms less
 * with 50 rows a page and an overscan of 10). The start's first script asks for the first page.
 */
export const PAGE_SIZE = LIST_PAGE_SIZE;

export function useClientPages(query: ListQuery, firstIndex: number, lastIndex: number) {
  const first = Math.floor(firstIndex / PAGE_SIZE);
  const last = Math.max(first, Math.floor(lastIndex / PAGE_SIZE));
  const pageNumbers = [0];
  for (let p = Math.max(1, first); p <= last; p++) pageNumbers.push(p);
  const results = useQueries({
    queries: pageNumbers.map((page) => ({
      ...channelQuery('clients.list', { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE }),
      placeholderData: page === 0 ? keepPreviousData : undefined,
    })),
  });
  const byPage = new Map<number, ClientListRow[]>();
  results.forEach((r, i) => {
    if (r.data) byPage.set(pageNumbers[i] ?? 0, r.data.rows);
  });
  const head = results[0];
  return {
    total: head?.data?.total ?? 0,
    loading: head?.isPending ?? true,
    error: results.find((r) => r.error)?.error ?? null,
    rowAt: (index: number): ClientListRow | undefined =>
      byPage.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
  };
}
