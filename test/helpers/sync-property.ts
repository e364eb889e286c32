/**
 * The convergence property of sync, one seed at a time: seeded random work on three devices with
 * random meetings and devices offline for stretches; after everyone meets everyone twice, every
 * device holds the same (the digest of every synced table). Its seeds are split over several test
 * files (sync-property*.test.ts) so that the two test workers share them. A failing seed is
 * printed so it can be replayed (`SYNC_SEED=<n>`).
 */
import { Rng } from '../../db/demo/prng';
import { defineSharedField, Fleet, randomWork, type Transport } from './sync-fleet';

/** The one seed to replay, from `SYNC_SEED`. */
export const ONLY_SEED = process.env['SYNC_SEED'];

/** The seeds of one test: `SYNC_SEED` alone, else `count` seeds from `first`. */
export function seedsOf(first: number, count: number): number[] {
  return ONLY_SEED ? [Number(ONLY_SEED)] : Array.from({ length: count }, (_, i) => first + i);
}

/** Returns how many conflicts the devices saw (the work must make some, or it tests too little). */
export async function runSeed(seed: number, transport: Transport): Promise<number> {
  const rng = new Rng(seed);
  const fleet = new Fleet(transport, 3);
  const trail: string[] = [];
  try {
    await fleet.connect();
    await defineSharedField(fleet);
    await fleet.settle();
    const offline = [false, false, false];
    const steps = 30 + Math.floor(rng.next() * 30);
    for (let step = 0; step < steps; step += 1) {
      const d = Math.floor(rng.next() * 3);
      trail.push(`${d}: ${await randomWork(rng, fleet.devices[d]!, step)}`);
      if (rng.next() < 0.1) offline[d] = !offline[d];
      if (rng.next() < 0.2 && !offline[d]) {
        const to = Math.floor(rng.next() * 3);
        if (!offline[to]) {
          await fleet.meet(d, to);
          trail.push(`${d} meets ${to}`);
        }
      }
    }
    await fleet.settle();
    if (process.env['SYNC_TRACE']) {
      const counts = fleet.devices.map((d) => d.count('clients') + d.count('sales'));
      const conflicts = fleet.devices.map((d) => d.count('sync_conflicts'));
      process.stdout.write(
        `seed ${seed}: ${counts.join('/')} rows, conflicts ${conflicts.join('/')}\n${trail.filter((t) => t.includes('refused')).join('\n')}\n`,
      );
    }
    const digests = fleet.digests();
    if (new Set(digests).size !== 1) {
      throw new Error(`seed ${seed} (${transport.kind}) diverged after:\n${trail.join('\n')}`);
    }
    return fleet.devices.reduce((n, d) => n + d.count('sync_conflicts'), 0);
  } finally {
    fleet.dispose();
  }
}
