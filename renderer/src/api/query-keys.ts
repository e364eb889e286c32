/**
 * The renderer's one source of react-query keys: a query's key is its channel's name and its
 * input, so the key of a screen's data and the channel that reads it cannot drift apart, and a
 * write invalidates what the contract's channel metadata says it changed, by channel name.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ChannelName, InputOf } from '../../../electron/api/contract';
import { CHANNEL_META } from '../../../electron/api/contract/channel-meta';

export const queryKeys = {
  /** One call: `['clients.get', { id }]`. */
  call<C extends ChannelName>(channel: C, input: InputOf<C>): readonly [C, InputOf<C>] {
    return [channel, input];
  },
  /** Every call of a channel, whatever its input: a prefix of their keys. */
  channel<C extends ChannelName>(channel: C): readonly [C] {
    return [channel];
  },
};

/** Refetches (when shown) or marks stale every query a successful call of `channel` changed. */
export async function invalidateAfter(
  queryClient: QueryClient,
  channel: ChannelName,
): Promise<void> {
  const { invalidates, writes } = CHANNEL_META[channel];
  if (invalidates === 'all') {
    await queryClient.invalidateQueries();
    return;
  }
  // Every change of records waits to be sent to the other devices: the rail counts them.
  const also: ChannelName[] = writes === 'records' ? ['sync.status'] : [];
  await Promise.all(
    [...invalidates, ...also].map((name) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.channel(name) }),
    ),
  );
}
