/** The reference lists Settings edits, under query keys other screens share. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';

/** Retired fields included; a sub-key of ['fields'], so invalidating ['fields'] refreshes it. */
const ALL_FIELDS_KEY = ['fields', { includeRetired: true }] as const;

export function useAllFields() {
  return useQuery({
    queryKey: ALL_FIELDS_KEY,
    queryFn: () => api.call('fields.list', { includeRetired: true }),
  });
}

export function useManagers() {
  return useQuery({ queryKey: ['managers'], queryFn: () => api.call('managers.list', {}) });
}

export function useLostReasons() {
  return useQuery({ queryKey: ['lostReasons'], queryFn: () => api.call('lostReasons.list', {}) });
}

export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => api.call('settings.get', {}) });
}

type SharedKey =
  | 'fields'
  | 'managers'
  | 'lostReasons'
  | 'settings'
  | 'app.info'
  | 'clients.list'
  | 'client'
  | 'history';

/** Refreshes the named lists everywhere they are shown. */
export function useRefresh(): (...keys: SharedKey[]) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (...keys: SharedKey[]) => {
      await Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
    [queryClient],
  );
}
