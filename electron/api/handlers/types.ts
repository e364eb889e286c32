import type { ChannelName, OutputOf, ParsedInputOf } from '../contract';
import type { AppContext } from '../context';

export type Handler<C extends ChannelName> = (
  input: ParsedInputOf<C>,
  ctx: AppContext,
) => OutputOf<C> | Promise<OutputOf<C>>;

/** One domain's slice of the handler map. */
export type HandlerSlice<C extends ChannelName> = { [K in C]: Handler<K> };

export type HandlerMap = HandlerSlice<ChannelName>;
