/**
 * Moving changes between the workbook and the hub. Push: the changes not on the hub, in pages,
 * each marked pushed after the hub took it (a crash in between sends it again, which the hub's
 * unique key turns into nothing). Pull: the others' changes after the last one applied, in pages,
 * each applied with its place in the hub's log in one local transaction.
 */
import type { Workbook } from '../../../db/workbook';
import { applyChanges, type ApplyResult } from '../../../db/queries/sync-apply';
import {
  markPushed,
  readMeta,
  unpushed,
  writeMeta,
  type LogChange,
} from '../../../db/queries/sync-log';
import type { Hub, HubChange, PulledChange } from './hub-types';

export const PAGE = 5000;
/**
 * Pulled changes are applied on the main thread, a page per transaction: about a second of
 * work at most on a large workbook, so the window keeps answering between pages.
 */
export const PULL_PAGE = 1000;

interface Ids {
  workbookId: string;
  deviceId: string;
}

export function toHub(c: LogChange): HubChange {
  return {
    deviceId: c.deviceId,
    hlc: c.hlc,
    entity: c.entity,
    rowId: c.rowId,
    field: c.field,
    value: c.value === null ? null : (JSON.parse(c.value) as unknown),
    base: c.base,
    actor: c.actor,
  };
}

export function fromHub(c: PulledChange): LogChange {
  return {
    deviceId: c.deviceId,
    hlc: c.hlc,
    entity: c.entity,
    rowId: c.rowId,
    field: c.field,
    value: c.field === '-' ? null : JSON.stringify(c.value ?? null),
    base: c.base,
    actor: c.actor,
  };
}

/** Returns how many changes the hub did not have. */
export async function pushAll(
  wb: Workbook,
  hub: Hub,
  ids: Ids,
  stillOpen: () => boolean,
): Promise<number> {
  let inserted = 0;
  for (;;) {
    const page = unpushed(wb, PAGE);
    if (page.length === 0) return inserted;
    inserted += await hub.push(
      ids.workbookId,
      page.map((p) => toHub(p.change)),
    );
    if (!stillOpen()) return inserted;
    markPushed(
      wb,
      page.map((p) => p.n),
    );
  }
}

/** No device has this id: a pull "except" it takes this device's own changes too. */
const NO_DEVICE = '00000000-0000-0000-0000-000000000000';

/**
 * Pulls what came after the last pull. `fromStart`: everything again, this device's own changes
 * included (its workbook went back in time: a backup restored).
 */
export async function pullAll(
  wb: Workbook,
  hub: Hub,
  ids: Ids,
  stillOpen: () => boolean,
  apply: { now: () => Date; newId: () => string; deviceName: (id: string) => string },
  fromStart = false,
): Promise<ApplyResult> {
  const total: ApplyResult = { applied: 0, skipped: 0, conflicts: 0 };
  let after = fromStart ? 0 : Number(readMeta(wb).last_seq ?? 0);
  const except = fromStart ? NO_DEVICE : ids.deviceId;
  for (;;) {
    const { changes: page, top } = await hub.pullAfter(ids.workbookId, after, except, PULL_PAGE);
    if (!stillOpen()) return total;
    // A short page holds every other device's change up to `top`: the next pull starts there,
    // past this device's own changes too (not read again by every later sync).
    const last = page.length < PULL_PAGE ? Math.max(top, after) : page[page.length - 1]!.seq;
    if (page.length === 0 && last === after) return total;
    const result = wb.transaction(() => {
      const r = applyChanges({ wb, ...apply, fromHub: true }, page.map(fromHub));
      writeMeta(wb, { last_seq: String(last) });
      return r;
    });
    total.applied += result.applied;
    total.skipped += result.skipped;
    total.conflicts += result.conflicts;
    after = last;
    if (page.length < PULL_PAGE) return total;
    // Between pages the main thread answers the window.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
