/** Managers, lost reasons and saved views: small reference lists of the workbook. */
import { asc, eq } from 'drizzle-orm';
import type {
  BulkResult,
  LostReason,
  Manager,
  ManagerName,
  SavedView,
  ViewDefinition,
} from '../../electron/api/contract';
import { AppError } from '../../electron/api/errors';
import type { Locale } from '../../electron/api/contract';
import type { Workbook } from '../workbook';
import { lostReasons, managers, savedViews } from '../schema';
import { bulkUpdate } from './bulk';
import { prepared } from './prepared';
import type { WriteContext } from './history';

export function listManagers(wb: Workbook): Manager[] {
  return (
    wb.sqlite
      .prepare(
        // Each manager's clients counted in the manager index alone, less those in the trash
        // (read through the trash's entries of the name index; `>= ''` is `IS NOT NULL` for
        // the text column, and the unary plus keeps the grouping off the manager index):
        // reading every client's row took 2.4 s on 100,000 clients.
        `WITH trash AS (
           SELECT manager_id, count(*) AS n FROM clients WHERE deleted_at >= '' GROUP BY +manager_id
         )
         SELECT m.id, m.name, m.email, m.active,
                (SELECT count(*) FROM clients c WHERE c.manager_id = m.id)
                  - coalesce((SELECT n FROM trash WHERE trash.manager_id = m.id), 0) AS clientCount
         FROM managers m ORDER BY m.active DESC, m.name COLLATE NOCASE, m.id`,
      )
      .all() as (Omit<Manager, 'active'> & { active: number })[]
  ).map((m) => ({ ...m, active: m.active === 1 }));
}

/** The managers in the list's order, without their clients counted. */
export function listManagerNames(wb: Workbook): ManagerName[] {
  return (
    prepared(
      wb,
      `SELECT id, name, email, active FROM managers
       ORDER BY active DESC, name COLLATE NOCASE, id`,
    ).all() as (Omit<ManagerName, 'active'> & { active: number })[]
  ).map((m) => ({ ...m, active: m.active === 1 }));
}

export function requireManager(wb: Workbook, id: string, path = 'id'): Manager {
  const manager = listManagers(wb).find((m) => m.id === id);
  if (!manager) throw new AppError('not_found', 'manager_not_found', {}, path);
  return manager;
}

export function addManager(
  ctx: WriteContext,
  input: { name: string; email?: string | null | undefined },
): Manager {
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  ctx.wb.db
    .insert(managers)
    .values({
      id,
      name: input.name,
      email: input.email ?? null,
      active: true,
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return requireManager(ctx.wb, id);
}

export function updateManager(
  ctx: WriteContext,
  input: {
    id: string;
    name?: string | undefined;
    email?: string | null | undefined;
    active?: boolean | undefined;
  },
): Manager {
  requireManager(ctx.wb, input.id);
  ctx.wb.db
    .update(managers)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updatedAt: ctx.now().toISOString(),
    })
    .where(eq(managers.id, input.id))
    .run();
  return requireManager(ctx.wb, input.id);
}

/** All of a leaving manager's clients go to another, as one undoable batch. */
export function reassignClients(ctx: WriteContext, fromId: string, toId: string): BulkResult {
  if (fromId === toId) throw new AppError('invalid_input', 'manager_same', {}, 'toId');
  requireManager(ctx.wb, fromId, 'fromId');
  requireManager(ctx.wb, toId, 'toId');
  const ids = ctx.wb.sqlite
    .prepare('SELECT id FROM clients WHERE manager_id = ? AND deleted_at IS NULL')
    .pluck()
    .all(fromId) as string[];
  return bulkUpdate(ctx, ids, { type: 'setManager', managerId: toId }, 'reassign');
}

const DEFAULT_REASONS: Record<Locale, string[]> = {
  ru: [
    'Цена',
    'Ушёл к конкуренту',
    'Качество',
    'Нет потребности',
    'Закрылся или переехал',
    'Плохой сервис',
  ],
  en: [
    'Price',
    'Went to a competitor',
    'Quality',
    'No longer needed',
    'Closed or moved away',
    'Poor service',
  ],
};

function toReason(r: typeof lostReasons.$inferSelect): LostReason {
  return { id: r.id, label: r.label, active: r.active, position: r.position };
}

/** The reasons list; seeded in the user's language the first time it is read. */
export function listLostReasons(ctx: WriteContext & { locale: () => Locale }): LostReason[] {
  const rows = ctx.wb.db
    .select()
    .from(lostReasons)
    .orderBy(asc(lostReasons.position), asc(lostReasons.id))
    .all();
  if (rows.length > 0) return rows.map(toReason);
  const seeded = ctx.wb.sqlite
    .prepare("SELECT 1 FROM settings WHERE key = 'lostReasonsSeeded'")
    .get();
  if (seeded) return [];
  ctx.wb.transaction(() => {
    DEFAULT_REASONS[ctx.locale()].forEach((label, position) => addReason(ctx, label, position));
    ctx.wb.sqlite
      .prepare(
        "INSERT INTO settings (key, value, updated_at) VALUES ('lostReasonsSeeded', 'true', ?)",
      )
      .run(ctx.now().toISOString());
  });
  return listLostReasons(ctx);
}

/**
 * The workbook's language changed: default reasons still worded as seeded follow it, so a
 * workbook switched to English does not keep Russian reasons. A reason the user renamed, or
 * one a client already has (clients keep the reason's words), stays as it is.
 */
export function relabelDefaultReasons(ctx: WriteContext, to: Locale): void {
  const inUse = ctx.wb.sqlite.prepare('SELECT 1 FROM clients WHERE lost_reason = ? LIMIT 1');
  const rows = ctx.wb.db.select().from(lostReasons).all();
  const taken = new Set(rows.map((r) => r.label));
  const at = ctx.now().toISOString();
  for (const row of rows) {
    const from = (Object.keys(DEFAULT_REASONS) as Locale[]).find(
      (l) => l !== to && DEFAULT_REASONS[l].includes(row.label),
    );
    if (!from) continue;
    const label = DEFAULT_REASONS[to][DEFAULT_REASONS[from].indexOf(row.label)];
    if (!label || taken.has(label) || inUse.get(row.label)) continue;
    ctx.wb.db
      .update(lostReasons)
      .set({ label, updatedAt: at })
      .where(eq(lostReasons.id, row.id))
      .run();
    taken.add(label);
  }
}

function addReason(ctx: WriteContext, label: string, position: number): LostReason {
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  ctx.wb.db
    .insert(lostReasons)
    .values({ id, label, position, active: true, createdAt: at, updatedAt: at })
    .run();
  return toReason(ctx.wb.db.select().from(lostReasons).where(eq(lostReasons.id, id)).get()!);
}

export function addLostReason(ctx: WriteContext, label: string): LostReason {
  const position = (
    ctx.wb.sqlite
      .prepare('SELECT coalesce(max(position), -1) + 1 AS p FROM lost_reasons')
      .get() as { p: number }
  ).p;
  return addReason(ctx, label, position);
}

export function updateLostReason(
  ctx: WriteContext,
  input: { id: string; label?: string | undefined; active?: boolean | undefined },
): LostReason {
  const row = ctx.wb.db.select().from(lostReasons).where(eq(lostReasons.id, input.id)).get();
  if (!row) throw new AppError('not_found', 'reason_not_found', {}, 'id');
  ctx.wb.db
    .update(lostReasons)
    .set({
      ...(input.label !== undefined ? { label: input.label } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updatedAt: ctx.now().toISOString(),
    })
    .where(eq(lostReasons.id, input.id))
    .run();
  return toReason(ctx.wb.db.select().from(lostReasons).where(eq(lostReasons.id, input.id)).get()!);
}

function toView(r: typeof savedViews.$inferSelect): SavedView {
  return {
    id: r.id,
    name: r.name,
    definition: JSON.parse(r.definition) as ViewDefinition,
    updatedAt: r.updatedAt,
  };
}

export function listViews(wb: Workbook): SavedView[] {
  return wb.db.select().from(savedViews).orderBy(asc(savedViews.name)).all().map(toView);
}

export function saveView(
  ctx: WriteContext,
  input: { id?: string | undefined; name: string; definition: ViewDefinition },
): SavedView {
  const at = ctx.now().toISOString();
  const definition = JSON.stringify(input.definition);
  if (input.id) {
    const found = ctx.wb.db.select().from(savedViews).where(eq(savedViews.id, input.id)).get();
    if (!found) throw new AppError('not_found', 'view_not_found', {}, 'id');
    ctx.wb.db
      .update(savedViews)
      .set({ name: input.name, definition, updatedAt: at })
      .where(eq(savedViews.id, input.id))
      .run();
    return toView(ctx.wb.db.select().from(savedViews).where(eq(savedViews.id, input.id)).get()!);
  }
  const id = ctx.newId();
  ctx.wb.db
    .insert(savedViews)
    .values({ id, name: input.name, definition, createdAt: at, updatedAt: at })
    .run();
  return toView(ctx.wb.db.select().from(savedViews).where(eq(savedViews.id, id)).get()!);
}

export function deleteView(ctx: WriteContext, id: string): SavedView {
  const found = ctx.wb.db.select().from(savedViews).where(eq(savedViews.id, id)).get();
  if (!found) throw new AppError('not_found', 'view_not_found', {}, 'id');
  ctx.wb.db.delete(savedViews).where(eq(savedViews.id, id)).run();
  return toView(found);
}

/** Every manager's name (the import tells the file's new managers from the known ones). */
export function managerNames(wb: Workbook): string[] {
  return wb.sqlite.prepare('SELECT name FROM managers').pluck().all() as string[];
}

/** A manager's name, or null when there is no manager with this id. */
export function managerName(wb: Workbook, id: string): string | null {
  const name = wb.sqlite.prepare('SELECT name FROM managers WHERE id = ?').pluck().get(id) as
    string | undefined;
  return name ?? null;
}
