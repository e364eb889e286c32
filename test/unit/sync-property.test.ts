/**
 * Convergence: seeded random work on three devices with random meetings and devices offline for
 * stretches; after everyone meets everyone twice, every device holds the same (the digest of
 * every synced table). A failing seed is printed so it can be replayed (`SYNC_SEED=<n>`).
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../db/demo/prng';
import { freshHubUrl } from '../helpers/fresh-hub';
import { defineSharedField, Fleet, randomWork, type Transport } from '../helpers/sync-fleet';

const SEEDS = Number(process.env['SYNC_SEEDS_FILES'] ?? 100);
const HUB_SEEDS = Number(process.env['SYNC_SEEDS_HUB'] ?? 200);
const only = process.env['SYNC_SEED'];

/** Returns how many conflicts the devices saw (the work must make some, or it tests too little). */
async function run(seed: number, transport: Transport): Promise<number> {
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

describe('devices meeting by exchange files converge', () => {
  it(`holds for ${only ? `seed ${only}` : `${SEEDS} seeds`}`, async () => {
    const seeds = only ? [Number(only)] : Array.from({ length: SEEDS }, (_, i) => 1000 + i);
    let conflicts = 0;
    for (const seed of seeds) conflicts += await run(seed, { kind: 'files' });
    if (!only) expect(conflicts).toBeGreaterThan(0);
  }, 600_000);
});

describe('devices meeting through the hub converge', () => {
  it(`holds for ${only ? `seed ${only}` : `${HUB_SEEDS} seeds`}`, async () => {
    // One database: each seed's devices make a hub workbook of their own in it.
    const url = await freshHubUrl();
    const seeds = only ? [Number(only)] : Array.from({ length: HUB_SEEDS }, (_, i) => 5000 + i);
    let conflicts = 0;
    for (const seed of seeds) conflicts += await run(seed, { kind: 'hub', url });
    if (!only) expect(conflicts).toBeGreaterThan(0);
  }, 900_000);
});
