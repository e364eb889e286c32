/**
 * The agenda for the machine's date, refreshed every minute and on return to the window (a
 * timed reminder turns overdue as the clock passes it; the date itself rolls at midnight), and
 * the one way a row acts: run a call (the api client refreshes what it touched), keep its error
 * beside the row.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
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
    // The time of day is read at each fetch, not part of the key: the list stays one query.
    queryKey: queryKeys.call('reminders.agenda', { date }),
    queryFn: () => api.call('reminders.agenda', { date, time: localTime(new Date()) }),
    refetchInterval: MINUTE,
    refetchOnWindowFocus: true,
    // At midnight the key changes: keep yesterday's list on screen until today's arrives.
    placeholderData: keepPreviousData,
  });
}

export interface RowAction {
  /** Runs a call for this row; resolves true when it succeeded. */
  run: (call: () => Promise<void>) => Promise<boolean>;
  pending: boolean;
  error: string | null;
  clearError: () => void;
}

/** One row's calls: one at a time, the agenda refreshed after each, the failure kept here. */
export function useRowAction(): RowAction {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (call: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await call();
      return true;
    } catch (e) {
      // Kept beside the row; the next minute's refresh shows the agenda as it now is.
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
