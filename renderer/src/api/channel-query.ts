/** The way a screen reads a channel: the query's key and function made from the same call. */
import type { ChannelName, InputOf, OutputOf } from '../../../electron/api/contract';
import { api } from './client';
import { queryKeys } from './query-keys';

/** A query's key and function, both from one channel and input: spread it into `useQuery`. */
export function channelQuery<C extends ChannelName>(channel: C, input: InputOf<C>) {
  return {
    queryKey: queryKeys.call(channel, input),
    queryFn: (): Promise<OutputOf<C>> => api.call(channel, input),
  };
}
