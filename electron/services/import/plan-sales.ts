/**
 * Checking a sales import, a chunk of rows at a time (a file of any length): each row finds its
 * client by Kartoteka id, code, tax id, email or phone (the first of those columns that has a
 * value decides), and a row that repeats a sale already in the workbook (same client, date,
 * amount and document number) is a duplicate, as is a row that repeats an earlier row of the
 * file. A bad cell in an optional column is left empty when its policy is `blank`. Memory holds
 * the workbook's client keys, one chunk and the first rows of the lists, never the whole file.
 */
import { AppError } from '../../api/errors';
import { translate } from '../../api/messages';
import { clientsWithLiveSales, liveSalesOn } from '../../../db/queries/import-reads';
import { fold } from '../../../db/queries/search';
import type { Workbook } from '../../../db/workbook';
import type { SaleImportOp, SaleImportValues } from '../../../db/queries/import-write';
import { emailKey } from '../../../kernel/emails';
import { phoneKey } from '../../../kernel/phones';
import { ClientIndex, type Existing } from './client-index';
import { convertCell, type ConvertContext } from './convert';
import {
  cellPolicy,
  knownManagers,
  type Duplicate,
  type ImportOptions,
  type MappedColumn,
  type RowError,
} from './plan-common';
import { keyHashes, saleKey, type KeyedSale, type SeenSales } from './seen-sales';
import { DateColumnReader, taxIdKey } from './values';

const KEY_ORDER = ['id', 'externalId', 'taxId', 'email', 'phone'] as const;

/** The counts and the first rows of the lists, kept while the chunks go by. */
export interface SalesTally {
  total: number;
  invalid: number;
  willCreate: number;
  /** Rows that update a sale already in the workbook. */
  willUpdate: number;
  willSkip: number;
  blanked: number;
  /** The first `limit` errors and duplicates; the totals count them all. */
  errors: RowError[];
  errorsTotal: number;
  duplicates: Duplicate[];
  duplicatesTotal: number;
}

interface Candidate extends KeyedSale {
  clientName: string;
}

export class SalesPlanner {
  readonly tally: SalesTally = {
    total: 0,
    invalid: 0,
    willCreate: 0,
    willUpdate: 0,
    willSkip: 0,
    blanked: 0,
    errors: [],
    errorsTotal: 0,
    duplicates: [],
    duplicatesTotal: 0,
  };
  /** Managers the file names that the workbook does not have yet, by folded name. */
  readonly newManagers = new Map<string, string>();
  private readonly index: ClientIndex;
  private readonly managers: Set<string>;
  private readonly keyColumns: MappedColumn[];
  private readonly valueColumns: MappedColumn[];
  private readonly dates = new Map<MappedColumn, DateColumnReader>();
  /** The date columns and their readers, side by side (read on every row). */
  private readonly dateColumns: MappedColumn[] = [];
  private readonly dateReaders: DateColumnReader[] = [];
  /** Clients with sales before the import: only their rows can repeat a workbook's sale. */
  private readonly withSales: Set<string>;

  constructor(
    private readonly wb: Workbook,
    columns: MappedColumn[],
    private readonly options: ImportOptions,
    private readonly ctx: ConvertContext,
    private readonly seen: SeenSales,
    private readonly limit: number,
    /** The greatest sale rowid before the import: the sales that were there already. */
    private readonly before: number,
  ) {
    this.index = new ClientIndex(wb, {
      ids: columns.some((c) => c.field.key === 'id'),
      ordered: true,
    });
    this.managers = knownManagers(wb);
    this.keyColumns = KEY_ORDER.map((k) => columns.find((c) => c.field.key === k)).filter(
      (c): c is MappedColumn => c !== undefined,
    );
    this.valueColumns = columns.filter((c) => !c.field.clientKey);
    for (const c of columns) {
      if (c.field.kind === 'date') this.dates.set(c, new DateColumnReader());
    }
    for (const [c, reader] of this.dates) {
      this.dateColumns.push(c);
      this.dateReaders.push(reader);
    }
    this.withSales = clientsWithLiveSales(wb);
  }

  /** The operations of a chunk of rows; `first` is the index of its first data row. */
  chunk(rows: string[][], first: number): SaleImportOp[] {
    const candidates: Candidate[] = [];
    for (let i = 0; i < rows.length; i += 1) {
      const candidate = this.row(rows[i]!, first + i + 2);
      if (candidate) candidates.push(candidate);
    }
    this.tally.total += rows.length;
    return this.decide(candidates);
  }

  /** Throws when a date column reads both ways and the user has not said which. */
  finish(): void {
    for (const [c, reader] of this.dates) {
      if (reader.reading() === 'ambiguous' && !this.options.dateOrders?.[c.header]) {
        throw new AppError(
          'invalid_input',
          'import_date_order',
          { column: c.header, example: reader.example ?? '' },
          `dateOrders.${c.header}`,
        );
      }
    }
  }

  private row(cells: string[], row: number): Candidate | null {
    for (let i = 0; i < this.dateColumns.length; i += 1) {
      this.dateReaders[i]!.add(cells[this.dateColumns[i]!.index] ?? '');
    }
    // Made only for a row with an error: a million good rows make none.
    let errors: RowError[] | null = null;
    let bad = false;
    const client = findClient(this.index, this.keyColumns, cells, row, this.ctx);
    if ('message' in client) {
      errors = [client];
      bad = true;
    }
    const values: Record<string, unknown> = {};
    let managerName: string | null = null;
    for (const c of this.valueColumns) {
      const raw = cells[c.index] ?? '';
      if (raw.trim() === '') {
        if (c.field.required) {
          const message = translate(this.ctx.locale, 'required');
          (errors ??= []).push({ row, column: c.header, value: '', message });
          bad = true;
        }
        continue;
      }
      const converted = convertCell(c.field, c.header, raw, this.ctx);
      if (!converted.ok) {
        const error = { row, column: c.header, value: raw, message: converted.message };
        if (cellPolicy(this.options, c) === 'blank')
          (errors ??= []).push({ ...error, blanked: true });
        else {
          (errors ??= []).push(error);
          bad = true;
        }
      } else if (c.field.kind === 'manager') managerName = converted.value as string;
      else values[c.field.key] = converted.value;
    }
    if (bad) {
      this.errors(errors!.map(({ blanked: _, ...e }) => e));
      this.tally.invalid += 1;
      return null;
    }
    const found = client as Existing;
    if (errors) {
      this.errors(errors);
      this.tally.blanked += 1;
    }
    if (managerName && !this.managers.has(fold(managerName))) {
      this.newManagers.set(fold(managerName), managerName);
    }
    const op: SaleImportOp = {
      row,
      action: 'create',
      clientId: found.id,
      saleId: null,
      values: values as unknown as SaleImportValues,
      managerName,
      clientOrder: found.order,
      known: found.known,
    };
    const key = saleKey(found.id, op.values);
    const [h1, h2] = keyHashes(key);
    return { op, clientName: found.name, key, h1, h2 };
  }

  private errors(errors: RowError[]): void {
    this.tally.errorsTotal += errors.length;
    for (const e of errors) if (this.tally.errors.length < this.limit) this.tally.errors.push(e);
  }

  /** Repeats of the workbook's sales and of earlier rows: one read each per chunk. */
  private decide(candidates: Candidate[]): SaleImportOp[] {
    const existing = this.existing(candidates.filter((c) => this.withSales.has(c.op.clientId)));
    const earlier = this.seen.earlier(candidates);
    const inChunk = new RowsByKey(candidates.length);
    const ops: SaleImportOp[] = [];
    for (const candidate of candidates) {
      const { op, clientName, key } = candidate;
      // Asked only when not empty, and in most chunks both are empty: a lookup hashes the key,
      // a string of 60 characters made for this row (a fifth of a second a million rows).
      const saleId = existing.size > 0 ? existing.get(key) : undefined;
      const firstRow = inChunk.get(candidate) ?? (earlier.size > 0 ? earlier.get(key) : undefined);
      if (saleId !== undefined || firstRow !== undefined) {
        this.tally.duplicatesTotal += 1;
        if (this.tally.duplicates.length < this.limit) {
          this.tally.duplicates.push({
            row: op.row,
            matchedBy: 'sale',
            clientId: op.clientId,
            name: clientName,
            firstRow: firstRow ?? null,
          });
        }
        if (this.options.onDuplicate === 'skip') {
          this.tally.willSkip += 1;
          continue;
        }
        if (this.options.onDuplicate === 'update') {
          if (saleId === undefined) {
            this.tally.willSkip += 1;
            continue;
          }
          op.action = 'update';
          op.saleId = saleId;
          ops.push(op);
          this.tally.willUpdate += 1;
          continue;
        }
      }
      inChunk.add(candidate);
      this.seen.add(candidate);
      ops.push(op);
      this.tally.willCreate += 1;
    }
    return ops;
  }

  /** The workbook's sales (from before the import) that rows of this chunk repeat, by key. */
  private existing(candidates: Candidate[]): Map<string, string> {
    const out = new Map<string, string>();
    const pairs = new Map(candidates.map((c) => [`${c.op.clientId} ${c.op.values.date}`, c]));
    const found = liveSalesOn(
      this.wb,
      [...pairs.values()].map((c) => [c.op.clientId, c.op.values.date]),
      { upTo: this.before },
    );
    for (const [id, clientId, date, amount, docNo] of found) {
      out.set(saleKey(clientId, { date, amount, docNo }), id);
    }
    return out;
  }
}

/**
 * A chunk's rows by their sale's key: an open-addressing table of places (typed, a quarter of a
 * megabyte for a chunk of 20,000 rows) probed from the key's first hash, a key compared whole
 * only where that hash matches. A Map by key hashed each row's key, a string of 60 characters
 * made for that row, and a Map by hash spent as long on its own buckets.
 */
export class RowsByKey {
  private readonly places: Int32Array;
  private readonly mask: number;
  private readonly sales: KeyedSale[] = [];

  constructor(rows: number) {
    let size = 1024;
    while (size < rows * 2) size *= 2;
    this.places = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The row of this chunk with the same key, if any. */
  get(sale: KeyedSale): number | undefined {
    const at = this.find(sale);
    return this.places[at] === 0 ? undefined : this.sales[this.places[at]! - 1]!.op.row;
  }

  /** The row for its key, in place of an earlier one with the same key. */
  add(sale: KeyedSale): void {
    const at = this.find(sale);
    if (this.places[at] !== 0) this.sales[this.places[at]! - 1] = sale;
    else {
      if (this.sales.length * 2 >= this.places.length) throw new Error('more rows than planned');
      this.sales.push(sale);
      this.places[at] = this.sales.length;
    }
  }

  /** The slot of `sale`'s key: where it is, or the empty one where it would go. */
  private find(sale: KeyedSale): number {
    const { places, sales, mask } = this;
    for (let at = sale.h1 & mask; ; at = (at + 1) & mask) {
      const place = places[at]!;
      if (place === 0) return at;
      const other = sales[place - 1]!;
      if (other.h1 === sale.h1 && other.key === sale.key) return at;
    }
  }
}

/** The client a row names, or the error on the column that names it. */
function findClient(
  index: ClientIndex,
  keyColumns: MappedColumn[],
  cells: string[],
  row: number,
  ctx: ConvertContext,
): Existing | RowError {
  for (const c of keyColumns) {
    const raw = (cells[c.index] ?? '').trim();
    if (!raw) continue;
    const key = c.field.key;
    let list: readonly Existing[];
    if (key === 'id' || key === 'externalId') {
      // The common case of a million rows: one table read, no array made.
      const one = index.table(key).get(raw);
      if (one && !one.deleted) return one;
      list = [];
    } else {
      const found =
        key === 'taxId'
          ? index.byTax.get(taxIdKey(raw) ?? '')
          : key === 'email'
            ? index.byEmail.get(emailKey(raw) ?? '')
            : index.byPhone.get(phoneKey(raw) ?? '');
      list = found ?? [];
    }
    if (list.length === 1) return list[0]!;
    const message =
      list.length === 0
        ? translate(ctx.locale, 'import_client_not_found', { value: raw })
        : translate(ctx.locale, 'import_client_ambiguous', { value: raw, count: list.length });
    return { row, column: c.header, value: raw, message };
  }
  return {
    row,
    column: keyColumns[0]?.header ?? null,
    value: '',
    message: translate(ctx.locale, 'import_client_missing'),
  };
}
