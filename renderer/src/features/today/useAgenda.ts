/**
 * The agenda for the machine's date, refreshed every minute and on return to the window (a
 * timed reminder turns overdue as the clock passes it; the date itself rolls at midnight), and
 * the one way a row acts: run a call, refresh what it touched, keep its error beside the row.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { localTime } from '../../../../kernel/local-date';

const MINUTE = 60_000;

/** The current moment, renewed every minute: lateness ticks on, and the date rolls at midnight. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function useAgenda(date: string) {
  return useQuery({
    queryKey: ['agenda', date],
    queryFn: () => api.call('reminders.agenda', { date, time: localTime(new Date()) }),
    refetchInterval: MINUTE,
    refetchOnWindowFocus: true,
    // At midnight the key changes: keep yesterday's list on screen until today's arrives.
    placeholderData: keepPreviousData,
  });
}

/** Refreshes the agenda and everything a card shows about this client. */
export function useRefreshAfter(): (clientId: string) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (clientId: string) => {
      await Promise.all(
        [
          ['agenda'],
          ['comments', clientId],
          ['history', clientId],
          ['client', clientId],
          ['reminders', clientId],
          ['touchMix', clientId],
          ['clients.list'],
          // Slipping away, due to buy and win back: a reminder or a call shows on their rows.
          ['analytics'],
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
    [queryClient],
  );
}

export interface RowAction {
  /** Runs a call for this row; resolves true when it succeeded. */
  run: (call: () => Promise<void>) => Promise<boolean>;
  pending: boolean;
  error: string | null;
  clearError: () => void;
}

/** One row's calls: one at a time, the agenda refreshed after each, the failure kept here. */
export function useRowAction(clientId: string): RowAction {
  const refresh = useRefreshAfter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (call: () => Promise<void>) => {
      setPending(true);
      setError(null);
      try {
        await call();
        await refresh(clientId);
        return true;
      } catch (e) {
        // Kept beside the row; the next minute's refresh shows the agenda as it now is.
        setError(e instanceof Error ? e.message : String(e));
        return false;
      } finally {
        setPending(false);
      }
    },
    [clientId, refresh],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
