/**
 * The data of one card and its reference lists, under query keys other screens share (the
 * channel and its input), and the one way the card writes a patch. What a write changed is
 * refreshed by the api client, from the contract's channel metadata.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ClientPatch } from '../../../../electron/api/contract';
import { api, ApiError } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import type { Lookups } from './values';

export function useClient(id: string) {
  return useQuery(channelQuery('clients.get', { id }));
}

export function useHistory(clientId: string) {
  return useQuery(channelQuery('history.list', { clientId }));
}

export function useComments(clientId: string) {
  return useQuery(channelQuery('comments.list', { clientId }));
}

/** Retired fields too: old changes of a retired field still need its label. */
export function useFields() {
  return useQuery(channelQuery('fields.list', { includeRetired: true }));
}

export function useManagers() {
  return useQuery(channelQuery('managers.names', {}));
}

export function useLostReasons() {
  return useQuery(channelQuery('lostReasons.list', {}));
}

export function useLookups(): Lookups {
  const fields = useFields();
  const managers = useManagers();
  return { fields: fields.data ?? [], managers: managers.data ?? [] };
}

/**
 * Saves a patch of the client; a refusal rejects with the message for the first of `paths`
 * the main process names (e.g. `patch.custom.area`), else its general message.
 */
export function useSavePatch(id: string): (patch: ClientPatch, paths: string[]) => Promise<void> {
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
    },
    [id],
  );
}

/** The message of anything thrown, for an alert next to what failed. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
