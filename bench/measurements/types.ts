/** What a named measurement of the bench gets to work with, and what it returns. */
import type { App } from '../../electron/app';
import type { ChannelName, InputOf, OutputOf } from '../../electron/api/contract';
import type { Figure } from '../measure';
import type { Rng } from '../../db/demo/prng';

export interface BenchContext {
  app: App;
  /** The workbook file the app has open (a disposable copy of the generated one). */
  file: string;
  migrationsDir: string;
  /** The data folder (recent list) for the apps a measurement opens. */
  dataDir: string;
  rng: Rng;
  /** Ids of the clients not in the trash. */
  liveIds: readonly string[];
  /** Calls a channel through the real dispatch; throws on an error envelope. */
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** A progress line on stderr. */
  log(message: string): void;
}

export interface Measurement {
  name: string;
  run(bench: BenchContext): Promise<Figure[]>;
}

/** `n` distinct items chosen at random. */
export function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const copy = [...items];
  const count = Math.min(n, copy.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng.next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

/**
 * Calls a channel of an app a measurement opened itself, through its real dispatch; throws on an
 * error envelope.
 */
export async function callApp<T>(app: App, channel: string, input: unknown): Promise<T> {
  const envelope = await app.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.data as T;
}
