/**
 * The reference lists Settings edits, under query keys other screens share (the channel and its
 * input); after a write the api client refreshes them where they are shown.
 */
import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '../../api/channel-query';

/** Retired fields included. */
export function useAllFields() {
  return useQuery(channelQuery('fields.list', { includeRetired: true }));
}

export function useManagers() {
  return useQuery(channelQuery('managers.list', {}));
}

export function useLostReasons() {
  return useQuery(channelQuery('lostReasons.list', {}));
}

export function useSettings() {
  return useQuery(channelQuery('settings.get', {}));
}
