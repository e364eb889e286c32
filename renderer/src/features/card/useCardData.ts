/**
 * The data of one card and its reference lists, under query keys other screens share, and
 * the one way the card writes: run a call, then refresh everything the card and list show.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ClientPatch } from '../../../../electron/api/contract';
import { api, ApiError } from '../../api/client';
import type { Lookups } from './values';

export function useClient(id: string) {
  return useQuery({ queryKey: ['client', id], queryFn: () => api.call('clients.get', { id }) });
}

export function useHistory(clientId: string) {
  return useQuery({
    queryKey: ['history', clientId],
    queryFn: () => api.call('history.list', { clientId }),
  });
}

export function useComments(clientId: string) {
  return useQuery({
    queryKey: ['comments', clientId],
    queryFn: () => api.call('comments.list', { clientId }),
  });
}

/** Retired fields too: old changes of a retired field still need its label. */
export function useFields() {
  return useQuery({
    queryKey: ['fields', { includeRetired: true }],
    queryFn: () => api.call('fields.list', { includeRetired: true }),
  });
}

export function useManagers() {
  return useQuery({ queryKey: ['managers'], queryFn: () => api.call('managers.list', {}) });
}

export function useLostReasons() {
  return useQuery({ queryKey: ['lostReasons'], queryFn: () => api.call('lostReasons.list', {}) });
}

export function useLookups(): Lookups {
  const fields = useFields();
  const managers = useManagers();
  return { fields: fields.data ?? [], managers: managers.data ?? [] };
}

/**
 * Refreshes the card, its history, its comments (and so its touch mix: adding, editing or
 * deleting a comment changes it) and the client list.
 */
export function useRefreshCard(id: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all(
      [['client', id], ['history', id], ['comments', id], ['touchMix', id], ['clients.list']].map(
        (queryKey) => queryClient.invalidateQueries({ queryKey }),
      ),
    );
  }, [queryClient, id]);
}

/**
 * Saves a patch of the client; a refusal rejects with the message for the first of `paths`
 * the main process names (e.g. `patch.custom.area`), else its general message.
 */
export function useSavePatch(id: string): (patch: ClientPatch, paths: string[]) => Promise<void> {
  const refresh = useRefreshCard(id);
  return useCallback(
    async (patch, paths) => {
      try {
        await api.call('clients.update', { id, patch });
      } catch (error) {
        if (error instanceof ApiError) {
          const message = paths.map((p) => error.messageFor(p)).find(Boolean);
          throw new Error(message ?? error.message);
        }
        throw error;
      }
      await refresh();
    },
    [id, refresh],
  );
}

/** The message of anything thrown, for an alert next to what failed. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
