/**
 * Edits on a large base: single field edits through `clients.update`, each beside the bare
 * UPDATE + history INSERT of the same field in one transaction.
 */
import type { ClientPatch } from '../../electron/api/contract';
import { percentile, spread, timeAsync, timeSync } from '../measure';
import { sample, type Measurement } from './types';

const EDITS = 200;

/** The patches the measurement cycles through, with the column the floor writes. */
const KINDS: readonly { label: string; patch: (i: number) => ClientPatch; column: string }[] = [
  { label: 'phone', patch: (i) => ({ phone: `+7 900 ${String(1_000_000 + i)}` }), column: 'phone' },
  { label: 'stage', patch: (i) => ({ stage: i % 2 ? 'regular' : 'repeat' }), column: 'stage' },
  { label: 'note', patch: (i) => ({ note: `note ${i}` }), column: 'note' },
  { label: 'tags', patch: (i) => ({ tags: [`tag-${i % 7}`] }), column: 'tags' },
  {
    label: 'custom',
    patch: (i) => ({ custom: { kpp: `77${String(1_000_000 + i)}` } }),
    column: '',
  },
];

export const singleEdits: Measurement = {
  name: 'single edit',
  async run(bench) {
    const db = bench.app.wb.sqlite;
    const app: number[] = [];
    const byKind = new Map<string, number[]>(KINDS.map((k) => [k.label, []]));
    const floor: number[] = [];
    const update = Object.fromEntries(
      KINDS.filter((k) => k.column).map((k) => [
        k.column,
        db.prepare(`UPDATE clients SET ${k.column} = ?, updated_at = ? WHERE id = ?`),
      ]),
    );
    const custom = db.prepare(
      `INSERT INTO field_values (id, client_id, field_id, value, updated_at)
       VALUES (?, ?, (SELECT id FROM field_defs WHERE key = 'kpp'), ?, ?)
       ON CONFLICT (client_id, field_id) DO UPDATE SET value = excluded.value`,
    );
    // History as the app writes it: a batch and its change row.
    const batch = db.prepare(
      `INSERT INTO batches (id, kind, label, actor, created_at, updated_at) VALUES (?, 'edit', NULL, 'bench', ?, ?)`,
    );
    const history = db.prepare(
      `INSERT INTO changes (id, entity, entity_id, client_id, field, old_value, new_value, actor, at, batch_id, updated_at)
       VALUES (?, 'client', ?, ?, ?, NULL, ?, 'bench', ?, ?, ?)`,
    );
    const ids = sample(bench.rng, bench.liveIds, EDITS * 2);
    for (let i = 0; i < EDITS; i++) {
      const kind = KINDS[i % KINDS.length]!;
      const patch = kind.patch(i);
      const [, ms] = await timeAsync(() => bench.call('clients.update', { id: ids[i]!, patch }));
      app.push(ms);
      byKind.get(kind.label)!.push(ms);
      // The floor edits another client the same way: the same pages are not warm for it.
      const other = ids[EDITS + i]!;
      const at = new Date().toISOString();
      const value = JSON.stringify(Object.values(patch.custom ?? patch)[0]);
      floor.push(
        timeSync(() =>
          db.transaction(() => {
            const stored = kind.column === 'tags' ? value : (JSON.parse(value) as string);
            if (kind.column) update[kind.column]!.run(stored, at, other);
            else custom.run(`floor-${i}`, other, value, at);
            batch.run(`floor-${i}`, at, at);
            history.run(`floor-${i}`, other, other, kind.label, value, at, `floor-${i}`, at);
          })(),
        )[1],
      );
    }
    // Each kind's p95 beside the whole's: the slowest kind is where a slow p95 comes from.
    const kinds = [...byKind].map(([label, ms]) => `${label} ${percentile(ms, 95).toFixed(1)}`);
    return spread(
      'single edit (clients.update)',
      app,
      floor,
      `${EDITS} edits; p95 by kind: ${kinds.join(', ')} ms`,
    );
  },
};
