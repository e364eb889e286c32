/**
 * Convergence through the hub (see test/helpers/sync-property.ts), seeds 5000 onwards; the other
 * half of the hub's seeds is in sync-property-hub-b.test.ts, run by the other test worker.
 */
import { describe, expect, it } from 'vitest';
import { freshHubUrl } from '../helpers/fresh-hub';
import { ONLY_SEED, runSeed, seedsOf } from '../helpers/sync-property';

/** Seeds through the hub per run, half in each of the two files. */
const HUB_SEEDS = Number(process.env['SYNC_SEEDS_HUB'] ?? 200);
const COUNT = Math.ceil(HUB_SEEDS / 2);

describe('devices meeting through the hub converge', () => {
  const seeds = seedsOf(5000, COUNT);
  it(`holds for ${ONLY_SEED ? `seed ${ONLY_SEED}` : `${COUNT} seeds from 5000`}`, async () => {
    // One database: each seed's devices make a hub workbook of their own in it.
    const url = await freshHubUrl();
    let conflicts = 0;
    for (const seed of seeds) conflicts += await runSeed(seed, { kind: 'hub', url });
    if (!ONLY_SEED) expect(conflicts).toBeGreaterThan(0);
  }, 900_000);
});
