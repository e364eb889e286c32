/**
 * Checking a client import. Every row of the file gets exactly one outcome: a new client, an
 * update of the client it matches (by Kartoteka id, code, tax id, e-mail or phone, normalised),
 * a row merged into another row's card (only when the user chose `merge` for its group), left
 * out (a duplicate, or by the choice for its group), or invalid. Rows that match each other
 * are shown as groups; no card is ever built from two rows unless they were merged.
 */
import type { ImportGroup, ImportRowOutcome } from '../../api/contract';
import { translate, type MessageKey } from '../../api/messages';
import { fold } from '../../../db/queries/search';
import type { ClientImportOp } from '../../../db/queries/import-write';
import type { Workbook } from '../../../db/workbook';
import { ClientIndex, type Existing } from './client-index';
import { kindOf } from './company';
import type { ConvertContext } from './convert';
import { choiceFor, decide, groupId } from './decide-groups';
import { groupRows, type Grouping } from './group-rows';
import {
  emptyPlan,
  knownManagers,
  tick,
  type ImportOptions,
  type ImportPlan,
  type MappedColumn,
  type PlanEnv,
  type RowError,
} from './plan-common';
import { readClientRow, type ClientRowRead } from './read-client-row';
import type { SourceTable } from './source';

interface Planned {
  op: ClientImportOp;
  /** The client of the workbook it updates. */
  target: Existing | null;
  /** Positions (in the valid rows) of the rows it writes: the card's row first. */
  positions: number[];
  /** Part of a group of rows that match each other. */
  grouped: boolean;
}

interface Outcome {
  kind: ImportRowOutcome;
  byChoice?: boolean;
}

const KEY_ORDER: ImportGroup['keys'] = ['id', 'externalId', 'taxId', 'email', 'phone', 'client'];

export function planClients(
  wb: Workbook,
  table: SourceTable,
  columns: MappedColumn[],
  options: ImportOptions,
  ctx: ConvertContext,
  env: PlanEnv,
): ImportPlan {
  const index = new ClientIndex(wb, { ids: columns.some((c) => c.field.key === 'id') });
  const plan = emptyPlan('clients', table.rows.length);
  const reads: ClientRowRead[] = [];
  table.rows.forEach((cells, i) => {
    tick(env, i, table.rows.length);
    const r = readClientRow(cells, i, columns, options, ctx, index);
    plan.errors.push(...r.errors);
    if (r.invalid) plan.invalid += 1;
    else reads.push(r);
  });

  const grouping = groupRows(reads);
  const intents = decide(reads, grouping, options);
  const outcomes: Outcome[] = reads.map(() => ({ kind: 'skip' }));
  const planned: Planned[] = [];
  const write = (positions: number[], target: Existing | null) => {
    const clientId = target?.id ?? null;
    const op = opOf(reads, positions, clientId);
    planned.push({ op, target, positions, grouped: grouping.groupOf[positions[0]!] !== null });
    positions.forEach((p, n) => {
      outcomes[p] = { kind: n > 0 ? 'merge' : clientId ? 'update' : 'create' };
    });
  };
  intents.forEach((intent, i) => {
    if (intent.kind === 'skip') outcomes[i] = { kind: 'skip', byChoice: intent.byChoice };
    else if (intent.kind === 'create') write([i], null);
    else if (intent.kind === 'alone' || intent.kind === 'card') {
      const members = intent.kind === 'card' ? intent.members : [i];
      // A merge goes to the first client of the workbook its rows match, if any.
      const target = members.map((m) => reads[m]!.existing).find((e) => e !== null) ?? null;
      if (target && options.onDuplicate === 'skip') {
        for (const m of members) outcomes[m] = { kind: 'skip' };
      } else write(members, target && options.onDuplicate === 'update' ? target.match : null);
    }
  });

  const kept = validate(planned, reads, outcomes, index.byExternal, columns, ctx, plan.errors);
  plan.clientOps = kept.map((k) => k.op);
  plan.clientOpRows = kept.map((k) => k.positions.length);
  count(plan, outcomes);
  plan.blanked = reads.filter(
    (r, i) => r.errors.length > 0 && outcomes[i]!.kind !== 'invalid',
  ).length;
  plan.newManagers = newManagers(wb, plan.clientOps);
  plan.duplicates = duplicates(reads, grouping);
  plan.groupColumns = [...columns].sort((a, b) => a.index - b.index).map((c) => c.header);
  plan.groups = groupsOf(table, reads, grouping, outcomes, options, columns);
  plan.errors.sort((a, b) => a.row - b.row);
  return plan;
}

/** The op writing these rows: one row's values, or a merge's (later rows fill in and override). */
function opOf(
  reads: ClientRowRead[],
  positions: number[],
  clientId: string | null,
): ClientImportOp {
  const rows = positions.map((p) => reads[p]!);
  const first = rows[0]!;
  let { values, custom, managerName } = first;
  if (rows.length > 1) {
    values = Object.assign({}, ...rows.map((r) => r.values)) as ClientRowRead['values'];
    const byKey = new Map(rows.flatMap((r) => r.custom.map((c) => [c.def.key, c] as const)));
    custom = [...byKey.values()];
    managerName = rows.reduce<string | null>((m, r) => r.managerName ?? m, null);
  }
  if (!clientId && values.kind === undefined) values.kind = kindOf(values.name, values.taxId);
  return {
    row: first.row,
    action: clientId ? 'update' : 'create',
    clientId,
    values,
    custom,
    managerName,
  };
}

/**
 * Refuses the ops that cannot be written: a client code another client holds (in the workbook
 * or taken by an earlier row of this file), and a lost stage without a reason. Their rows become
 * invalid, with the reason; the others are returned in file order.
 */
function validate(
  planned: Planned[],
  reads: ClientRowRead[],
  outcomes: Outcome[],
  byCode: ClientIndex['byExternal'],
  columns: MappedColumn[],
  ctx: ConvertContext,
  errors: RowError[],
): Planned[] {
  const header = (key: string) => columns.find((c) => c.field.key === key)?.header ?? null;
  const codes = new Map<string, number>();
  const kept: Planned[] = [];
  // In file order already: each op sits at its first row.
  for (const entry of planned) {
    const { op, target, positions, grouped } = entry;
    let problem: { column: string | null; key: MessageKey; params: Record<string, string> } | null =
      null;
    const code = op.values.externalId;
    if (code) {
      const holder = byCode.get(code);
      // Rows with the same code are always in one group: only grouped rows can clash.
      const earlier = grouped ? codes.get(code) : undefined;
      if (holder && holder.id !== op.clientId) {
        const key = holder.deleted ? 'import_code_in_trash' : 'external_id_taken';
        problem = { column: header('externalId'), key, params: { value: code, name: holder.name } };
      } else if (earlier !== undefined) {
        problem = {
          column: header('externalId'),
          key: 'import_code_in_file',
          params: { value: code, row: String(earlier) },
        };
      } else if (grouped) codes.set(code, op.row);
    }
    if (!problem && op.values.stage === 'lost' && !op.values.lostReason && !target?.lostReason) {
      problem = { column: header('stage'), key: 'lost_reason_required', params: {} };
    }
    if (!problem) {
      kept.push(entry);
      continue;
    }
    const message = translate(ctx.locale, problem.key, problem.params);
    for (const p of positions) {
      outcomes[p] = { kind: 'invalid' };
      errors.push({ row: reads[p]!.row, column: problem.column, value: code ?? '', message });
    }
  }
  return kept;
}

function count(plan: ImportPlan, outcomes: Outcome[]): void {
  for (const o of outcomes) {
    if (o.kind === 'create') plan.willCreate += 1;
    else if (o.kind === 'invalid') plan.invalid += 1;
    else if (o.kind === 'skip') {
      plan.willSkip += 1;
      if (o.byChoice) plan.skippedByChoice += 1;
    } else {
      plan.willUpdate += 1;
      if (o.kind === 'merge') plan.merged += 1;
    }
  }
}

/** Managers the written rows name that the workbook does not have yet. */
function newManagers(wb: Workbook, ops: ClientImportOp[]): string[] {
  const known = knownManagers(wb);
  const out = new Map<string, string>();
  for (const op of ops) {
    const name = op.managerName;
    if (name && !known.has(fold(name))) out.set(fold(name), name);
  }
  return [...out.values()];
}

/** Each row that matches a client of the workbook, or an earlier row of the file. */
function duplicates(reads: ClientRowRead[], grouping: Grouping): ImportPlan['duplicates'] {
  let byRow: Map<number, ClientRowRead> | null = null;
  const out: ImportPlan['duplicates'] = [];
  reads.forEach((r, i) => {
    const link = grouping.links[i];
    if (r.existing) {
      const { match, by } = r.existing;
      out.push({ row: r.row, matchedBy: by, clientId: match.id, name: match.name, firstRow: null });
    } else if (link) {
      byRow ??= new Map(reads.map((x) => [x.row, x]));
      const name = byRow.get(link.to)?.values.name ?? '';
      out.push({ row: r.row, matchedBy: link.by, clientId: null, name, firstRow: link.to });
    }
  });
  return out;
}

function groupsOf(
  table: SourceTable,
  reads: ClientRowRead[],
  grouping: Grouping,
  outcomes: Outcome[],
  options: ImportOptions,
  columns: MappedColumn[],
): ImportGroup[] {
  const shown = [...columns].sort((a, b) => a.index - b.index);
  return grouping.groups.map((g) => {
    const id = groupId(reads, g);
    return {
      id,
      keys: KEY_ORDER.filter((k) => g.keys.has(k)),
      ...choiceFor(options, id),
      rows: g.members.map((i) => {
        const r = reads[i]!;
        const cells = table.rows[r.index] ?? [];
        return {
          row: r.row,
          cells: shown.map((c) => cells[c.index] ?? ''),
          client: r.existing
            ? { id: r.existing.match.id, name: r.existing.match.name, matchedBy: r.existing.by }
            : null,
          outcome: outcomes[i]!.kind,
        };
      }),
    };
  });
}
