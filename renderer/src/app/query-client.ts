/**
 * The renderer's one query cache. Its own module, so the start (`early.ts`) can fill it with the
 * first screen's answers before the main bundle has run.
 */
import { MutationCache, QueryClient, type Query } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { queryKeys } from '../api/query-keys';

/** How long an answer asked for at the start counts as current for the components mounting. */
const FRESH_MS = 3000;

/** The queries asked for at the start (`first-screen.ts`), until their answers are no longer current. */
const prefetched = new Set<string>();

export function markPrefetched(queryHash: string): void {
  prefetched.add(queryHash);
}

/**
 * `refetchOnMount`: the components mounting in the first moments take the answer the start asked
 * for (unless a write has invalidated it since); any other mount refetches, as by default.
 */
function refetchOnMount(query: Query): boolean {
  if (!prefetched.has(query.queryHash)) return true;
  const current =
    !query.state.isInvalidated &&
    query.state.status === 'success' &&
    Date.now() - query.state.dataUpdatedAt <= FRESH_MS;
  if (!current) prefetched.delete(query.queryHash);
  return !current;
}

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, refetchOnMount } },
  // A write that met a damaged page: the workbook is damaged from now on, and every screen
  // (the banner, the Backups screen's offer) learns it.
  mutationCache: new MutationCache({
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'damaged') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.channel('workbook.info') });
      }
    },
  }),
});
