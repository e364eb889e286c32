/**
 * The dashboard's breakdowns kept as sums per group (manager, channel, RFM segment, month of
 * first purchase): each client adds its own part to its group, so after a change the live
 * dashboard takes the changed clients' old parts out of their old groups and puts their new
 * parts into their new ones (and moves the clients whose RFM segment shifted). A group that
 * appears or empties regroups everything, as a fresh computation would.
 */
import type { Day } from './days';
import { groupClients, type GroupKeys, type Grouping } from './groups';
import { addLtvPart, LTV_FIELDS, ltvSums } from './ltv';
import { addFunnelPart, type FunnelSums } from './repeat-funnel';
import { countPeriod } from './retention';
import { RFM_SEGMENTS } from './rfm';
import type { SalesData } from './sales-data';
import type { WindowSums } from './window-sums';

export interface GroupedState {
  managers: Grouping;
  channels: Grouping;
  ltvBase: Float64Array;
  ltvManagers: Float64Array;
  ltvChannels: Float64Array;
  /** By RFM segment index + 1 (0: no segment). */
  ltvSegments: Float64Array;
  /** Retention counts over the current window per channel (four each). */
  channelCounts: Float64Array;
  funnel: FunnelSums;
}

/** What the groups are made of, at one moment. */
export interface GroupedInput {
  data: SalesData;
  /** The current window's sums. */
  sums: WindowSums;
  /** Each client's RFM segment (−1: none). */
  segment: Int8Array;
  managerKeys: GroupKeys;
  channelKeys: GroupKeys;
}

export interface GroupedOptions {
  asOf: Day;
  steps: readonly number[];
  activeDays: number;
}

export const SEGMENT_GROUPS = RFM_SEGMENTS.length + 1;

export function buildGrouped(input: GroupedInput, options: GroupedOptions): GroupedState {
  const { data, sums } = input;
  const n = data.clientIds.length;
  const managers = groupClients(input.managerKeys, n);
  const channels = groupClients(input.channelKeys, n);
  const funnel: FunnelSums = new Map();
  for (let c = 0; c < n; c++) addFunnelPart(funnel, data, c, options.asOf, options.steps, 1);
  return {
    managers,
    channels,
    ltvBase: ltvSums(data, sums, null, 1),
    ltvManagers: ltvSums(data, sums, managers.of, managers.keys.length),
    ltvChannels: ltvSums(data, sums, channels.of, channels.keys.length),
    ltvSegments: ltvSums(
      data,
      sums,
      Int32Array.from(input.segment, (k) => k + 1),
      SEGMENT_GROUPS,
    ),
    channelCounts: countPeriod(
      data,
      sums.window,
      options.activeDays,
      channels.of,
      channels.keys.length,
    ),
    funnel,
  };
}

/** How the clients moved between two moments (see `updateState`). */
export interface Moves {
  /** New index of each old client, −1 when gone; null when the clients are the same. */
  newOf: Int32Array | null;
  /** Old and new indices of the changed clients (ascending), and a flag per new index. */
  before: readonly number[];
  after: readonly number[];
  flags: Uint8Array;
  /** The changed clients alone, before (at `before`) and after (at `after`). */
  gone: SalesData;
  fresh: SalesData;
}

/** `prev.of` carried to the new indices with the changed clients' new keys; null: regroup. */
function carryGrouping(prev: Grouping, keys: GroupKeys, moves: Moves, n: number): Grouping | null {
  const index = new Map(prev.keys.map((k, g) => [k, g]));
  const { newOf, after } = moves;
  // The same clients, none of them moved to another group: the grouping as it was.
  if (!newOf && after.every((c) => index.get(keys[c] ?? null) === prev.of[c])) return prev;
  const of = new Int32Array(n);
  if (newOf) {
    for (let o = 0; o < newOf.length; o++) if (newOf[o]! >= 0) of[newOf[o]!] = prev.of[o]!;
  } else of.set(prev.of);
  for (const c of after) {
    const g = index.get(keys[c] ?? null);
    if (g === undefined) return null;
    of[c] = g;
  }
  const members = new Int32Array(prev.keys.length);
  for (let c = 0; c < n; c++) members[of[c]!]!++;
  return members.includes(0) ? null : { keys: prev.keys, of };
}

export function updateGrouped(
  prev: GroupedState,
  old: GroupedInput,
  now: GroupedInput,
  moves: Moves,
  options: GroupedOptions,
): GroupedState {
  const n = now.data.clientIds.length;
  const managers = carryGrouping(prev.managers, now.managerKeys, moves, n);
  const channels = carryGrouping(prev.channels, now.channelKeys, moves, n);
  if (!managers || !channels) return buildGrouped(now, options);
  const { before, after } = moves;
  /** Acc with each changed client's old part out of its old group and its new part in. */
  const moved = (
    acc: Float64Array,
    oldGroup: ArrayLike<number> | null,
    newGroup: ArrayLike<number> | null,
    offset = 0,
  ) => {
    const out = acc.slice();
    for (const o of before) {
      const g = oldGroup ? oldGroup[o]! + offset : 0;
      addLtvPart(out, g * LTV_FIELDS, old.data, old.sums, o, -1);
    }
    for (const c of after) {
      const g = newGroup ? newGroup[c]! + offset : 0;
      addLtvPart(out, g * LTV_FIELDS, now.data, now.sums, c, 1);
    }
    return out;
  };
  // Segments are −1 … 10, their sums 0 … 11.
  const ltvSegments = moved(prev.ltvSegments, old.segment, now.segment, 1);
  // Clients who did not change but whose segment did (the quintile bounds moved past them).
  const { newOf, flags } = moves;
  for (let o = 0; o < old.segment.length; o++) {
    const c = newOf ? newOf[o]! : o;
    if (c < 0 || flags[c] === 1 || old.segment[o] === now.segment[c]) continue;
    addLtvPart(ltvSegments, (old.segment[o]! + 1) * LTV_FIELDS, now.data, now.sums, c, -1);
    addLtvPart(ltvSegments, (now.segment[c]! + 1) * LTV_FIELDS, now.data, now.sums, c, 1);
  }
  const groups = channels.keys.length;
  const counts = (data: SalesData, at: readonly number[], of: Int32Array) =>
    countPeriod(
      data,
      now.sums.window,
      options.activeDays,
      Int32Array.from(at, (c) => of[c]!),
      groups,
    );
  const channelCounts = prev.channelCounts.slice();
  const taken = counts(moves.gone, before, prev.channels.of);
  const added = counts(moves.fresh, after, channels.of);
  for (let i = 0; i < channelCounts.length; i++) channelCounts[i]! += added[i]! - taken[i]!;
  const funnel: FunnelSums = new Map([...prev.funnel].map(([m, row]) => [m, row.slice()]));
  for (const o of before) addFunnelPart(funnel, old.data, o, options.asOf, options.steps, -1);
  for (const c of after) addFunnelPart(funnel, now.data, c, options.asOf, options.steps, 1);
  return {
    managers,
    channels,
    ltvBase: moved(prev.ltvBase, null, null),
    ltvManagers: moved(prev.ltvManagers, prev.managers.of, managers.of),
    ltvChannels: moved(prev.ltvChannels, prev.channels.of, channels.of),
    ltvSegments,
    channelCounts,
    funnel,
  };
}
