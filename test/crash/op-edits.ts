/** Single edits: each its own transaction, logged by the child once committed. */
import type Database from 'better-sqlite3';
import { call, count, presence, type OpSpec } from './op-spec';

/** A single edit's entity row and the history rows that record it (one transaction). */
function editPresence(db: Database.Database, entityId: string | undefined, changes: number) {
  const recorded = entityId
    ? count(db, 'SELECT count(*) FROM changes WHERE entity_id = ?', entityId)
    : 0;
  return presence({ rows: entityId ? 1 : 0, recorded }, { rows: 1, recorded: changes });
}

export const editClient: OpSpec<'editClient'> = {
  prepare: (ctx) => ({ kind: 'editClient', marker: ctx.marker, clientId: ctx.nextClient() }),
  async run(app, op) {
    await call(app, 'clients.update', { id: op.clientId, patch: { position: op.marker } });
  },
  check(db, op) {
    const written = count(
      db,
      'SELECT count(*) FROM clients WHERE id = ? AND position = ?',
      op.clientId,
      op.marker,
    );
    const recorded = count(
      db,
      "SELECT count(*) FROM changes WHERE client_id = ? AND field = 'position' AND new_value = ?",
      op.clientId,
      JSON.stringify(op.marker),
    );
    return presence({ written, recorded }, { written: 1, recorded: 1 });
  },
};

export const addComment: OpSpec<'addComment'> = {
  prepare: (ctx) => ({ kind: 'addComment', marker: ctx.marker, clientId: ctx.nextClient() }),
  async run(app, op) {
    await call(app, 'comments.add', { clientId: op.clientId, kind: 'call', body: op.marker });
  },
  check(db, op) {
    const id = db
      .prepare('SELECT id FROM comments WHERE client_id = ? AND body = ?')
      .pluck()
      .get(op.clientId, op.marker) as string | undefined;
    return editPresence(db, id, 2);
  },
};

export const addSale: OpSpec<'addSale'> = {
  prepare: (ctx) => ({ kind: 'addSale', marker: ctx.marker, clientId: ctx.nextClient() }),
  async run(app, op) {
    await call(app, 'sales.add', {
      clientId: op.clientId,
      date: '2025-06-15',
      amount: 125_000,
      docNo: op.marker,
    });
  },
  check(db, op) {
    const id = db
      .prepare('SELECT id FROM sales WHERE client_id = ? AND doc_no = ?')
      .pluck()
      .get(op.clientId, op.marker) as string | undefined;
    // The date, amount and document number are recorded as the sale's creation.
    return editPresence(db, id, 3);
  },
};
