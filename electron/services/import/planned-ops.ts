/**
 * A chunk of planned sales as it crosses from the planner thread to the writer: in columns
 * (typed arrays moved, not copied; one array per value field) rather than as 30,000 objects
 * cloned one by one, and each client's id and ladder view sent once, with the first chunk
 * that names it, then referred to by its place in the order of ids.
 */
import type { SaleImportOp } from '../../../db/queries/import-write';
import type { KnownPerson } from '../../../db/queries/stage-ladder';

export interface EncodedOps {
  n: number;
  /** Each op's row of the file. */
  row: Int32Array;
  /** Each op's client, by its place in the order of ids. */
  order: Int32Array;
  /** The ops that update a sale of the workbook: op index → the sale's id. */
  updates: [number, string][];
  /** Each value field's column: the op's value, or undefined where the row has none. */
  values: [string, unknown[]][];
  /** Each op's manager as the file names it; null when no op of the chunk names one. */
  managers: (string | null)[] | null;
  /** The clients no earlier chunk named: place, id, and the client as the ladder reads it. */
  clients: [number, string, KnownPerson | null | undefined][];
}

export class OpsEncoder {
  private readonly sent = new Set<number>();

  /** The ops in columns, and the buffers to move with them. */
  encode(ops: readonly SaleImportOp[]): { ops: EncodedOps; transfer: ArrayBuffer[] } {
    const n = ops.length;
    const row = new Int32Array(n);
    const order = new Int32Array(n);
    const updates: [number, string][] = [];
    const values = new Map<string, unknown[]>();
    let managers: (string | null)[] | null = null;
    const clients: EncodedOps['clients'] = [];
    for (let i = 0; i < n; i += 1) {
      const op = ops[i]!;
      const place = op.clientOrder;
      // The sales planner gives every op its client's place (`ClientIndex` with `ordered`).
      if (place === undefined) throw new Error('a planned sale without its client’s place');
      row[i] = op.row;
      order[i] = place;
      if (!this.sent.has(place)) {
        this.sent.add(place);
        clients.push([place, op.clientId, op.known]);
      }
      if (op.action === 'update') updates.push([i, op.saleId!]);
      for (const key in op.values) {
        let column = values.get(key);
        if (!column) {
          // Dense (undefined, not holes): a holey array crosses to the writer slowly.
          column = new Array<unknown>(n).fill(undefined);
          values.set(key, column);
        }
        column[i] = (op.values as unknown as Record<string, unknown>)[key];
      }
      if (op.managerName !== null)
        (managers ??= new Array<string | null>(n).fill(null))[i] = op.managerName;
    }
    return {
      ops: { n, row, order, updates, values: [...values], managers, clients },
      transfer: [row.buffer, order.buffer],
    };
  }
}

export class OpsDecoder {
  private readonly ids: string[] = [];
  private readonly known: (KnownPerson | null | undefined)[] = [];

  decode(encoded: EncodedOps): SaleImportOp[] {
    for (const [place, id, known] of encoded.clients) {
      this.ids[place] = id;
      this.known[place] = known;
    }
    const { n, row, order, managers } = encoded;
    const saleIds = new Map(encoded.updates);
    const ops = new Array<SaleImportOp>(n);
    for (let i = 0; i < n; i += 1) {
      const values: Record<string, unknown> = {};
      for (const [key, column] of encoded.values) {
        const value = column[i];
        if (value !== undefined) values[key] = value;
      }
      const place = order[i]!;
      const saleId = saleIds.get(i) ?? null;
      ops[i] = {
        row: row[i]!,
        action: saleId === null ? 'create' : 'update',
        clientId: this.ids[place]!,
        saleId,
        values: values as unknown as SaleImportOp['values'],
        managerName: managers?.[i] ?? null,
        clientOrder: place,
        known: this.known[place],
      };
    }
    return ops;
  }
}
