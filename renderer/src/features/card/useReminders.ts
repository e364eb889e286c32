/**
 * A client's open reminders and the one way the card changes them: run a call, then refresh
 * the list, the Today agenda and the client's history (every reminder change is recorded).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Reminder } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { effectiveDue } from './reminder-dates';

export function useReminders(clientId: string) {
  return useQuery({
    queryKey: ['reminders', clientId],
    queryFn: () => api.call('reminders.list', { clientId }),
    select: sortByDue,
  });
}

export function sortByDue(list: Reminder[]): Reminder[] {
  return [...list].sort((a, b) => {
    const [x, y] = [effectiveDue(a), effectiveDue(b)];
    return x < y ? -1 : x > y ? 1 : a.createdAt.localeCompare(b.createdAt);
  });
}

export function useRefreshReminders(clientId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all(
      [['reminders', clientId], ['agenda'], ['history', clientId]].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  }, [queryClient, clientId]);
}

/** Marks a reminder done; its next occurrence shows at once, before the list is read again. */
export function useCompleteReminder(clientId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshReminders(clientId);
  return useCallback(
    async (id: string) => {
      const result = await api.call('reminders.complete', { id });
      queryClient.setQueryData<Reminder[]>(['reminders', clientId], (list) => [
        ...(list ?? []).filter((r) => r.id !== id),
        ...(result.next ? [result.next] : []),
      ]);
      await refresh();
      return result;
    },
    [queryClient, clientId, refresh],
  );
}
