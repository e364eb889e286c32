/**
 * A client's open reminders, soonest first. After a change the api client refreshes the list,
 * the Today agenda and the client's history (every reminder change is recorded).
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Reminder } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { effectiveDue } from './reminder-dates';

export function useReminders(clientId: string) {
  return useQuery({
    ...channelQuery('reminders.list', { clientId }),
    select: sortByDue,
  });
}

export function sortByDue(list: Reminder[]): Reminder[] {
  return [...list].sort((a, b) => {
    const [x, y] = [effectiveDue(a), effectiveDue(b)];
    return x < y ? -1 : x > y ? 1 : a.createdAt.localeCompare(b.createdAt);
  });
}

/** Marks a reminder done; the list is read again (with its next occurrence) before it resolves. */
export function useCompleteReminder() {
  return useCallback((id: string) => api.call('reminders.complete', { id }), []);
}
