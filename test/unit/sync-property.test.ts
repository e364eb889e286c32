/**
 * Convergence through exchange files (see test/helpers/sync-property.ts); the hub's seeds are in
 * sync-property-hub-a/-b.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ONLY_SEED, runSeed, seedsOf } from '../helpers/sync-property';

const SEEDS = Number(process.env['SYNC_SEEDS_FILES'] ?? 100);

describe('devices meeting by exchange files converge', () => {
  const seeds = seedsOf(1000, SEEDS);
  it(`holds for ${ONLY_SEED ? `seed ${ONLY_SEED}` : `${SEEDS} seeds`}`, async () => {
    let conflicts = 0;
    for (const seed of seeds) conflicts += await runSeed(seed, { kind: 'files' });
    if (!ONLY_SEED) expect(conflicts).toBeGreaterThan(0);
  }, 600_000);
});
