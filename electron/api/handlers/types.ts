import type { ChannelName, OutputOf, ParsedInputOf } from '../contract';
import type { AppContext } from '../context';
import type { JsonText } from '../../services/workers/json-text';

/** A handler may answer with its output already as JSON text (the analytics worker's answers). */
export type Handler<C extends ChannelName> = (
  input: ParsedInputOf<C>,
  ctx: AppContext,
) => OutputOf<C> | JsonText<OutputOf<C>> | Promise<OutputOf<C> | JsonText<OutputOf<C>>>;

/** One domain's slice of the handler map. */
export type HandlerSlice<C extends ChannelName> = { [K in C]: Handler<K> };

export type HandlerMap = HandlerSlice<ChannelName>;
