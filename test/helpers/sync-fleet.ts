/**
 * Several devices, each a whole app on its own workbook, meeting through a hub (a real
 * PostgreSQL database) or through exchange files; and random work done on them by a seeded
 * random source, for the convergence property tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { syncDigest } from '../../db/queries/sync-digest';
import { type Rng } from '../../db/demo/prng';
import type { Envelope } from '../../electron/api/contract';
import { makeWorld, type World } from './world';

export type Transport = { kind: 'files' } | { kind: 'hub'; url: string };

export class Fleet {
  readonly devices: World[] = [];
  private files = 0;

  constructor(
    readonly transport: Transport,
    count: number,
  ) {
    for (let i = 0; i < count; i += 1) this.devices.push(makeWorld());
  }

  /** Connects every device to the hub, the first one making the hub workbook, the others joining. */
  async connect(): Promise<void> {
    if (this.transport.kind !== 'hub') return;
    const [first, ...rest] = this.devices;
    const status = await first!.call('sync.configure', {
      url: this.transport.url,
      deviceName: 'Device 0',
    });
    for (const [i, d] of rest.entries()) {
      await d.call('sync.configure', {
        url: this.transport.url,
        deviceName: `Device ${i + 1}`,
        workbookId: status.workbookId!,
      });
    }
  }

  /** One meeting: `d` syncs with the hub, or carries a file of its changes to `to`. */
  async meet(d: number, to: number): Promise<void> {
    if (this.transport.kind === 'hub') {
      await this.devices[d]!.call('sync.now', undefined);
      return;
    }
    if (d === to) return;
    this.files += 1;
    const file = path.join(this.devices[d]!.dir, `exchange-${this.files}.ktx`);
    await this.devices[d]!.call('exchange.export', { path: file });
    await this.devices[to]!.call('exchange.import', { path: file });
    fs.rmSync(file, { force: true });
  }

  /** Everyone meets everyone, twice: afterwards all hold the same. */
  async settle(): Promise<void> {
    for (let round = 0; round < 2; round += 1) {
      for (let d = 0; d < this.devices.length; d += 1) {
        for (let to = 0; to < this.devices.length; to += 1) {
          if (this.transport.kind === 'hub' && to > 0) break;
          await this.meet(d, to);
        }
      }
    }
  }

  digests(): string[] {
    return this.devices.map((d) => syncDigest(d.app.wb));
  }

  dispose(): void {
    for (const d of this.devices.splice(0)) d.dispose();
  }
}

type Ids = { clients: string[]; deleted: string[]; comments: string[]; sales: string[] };

function ids(d: World): Ids {
  const q = (sql: string) => d.app.wb.sqlite.prepare(sql).pluck().all() as string[];
  return {
    clients: q('SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY id'),
    deleted: q('SELECT id FROM clients WHERE deleted_at IS NOT NULL ORDER BY id'),
    comments: q('SELECT id FROM comments WHERE deleted_at IS NULL ORDER BY id'),
    sales: q('SELECT id FROM sales WHERE deleted_at IS NULL ORDER BY id'),
  };
}

const NAMES = ['Анна', 'Борис', 'Вера', 'Глеб', 'Дина', 'Егор', 'Жанна', 'Зоя'];
const FIELDS = ['name', 'phone', 'email', 'note', 'company', 'stage', 'tags'] as const;
const STAGES = ['prospect', 'first_purchase', 'repeat', 'regular', 'advocate'] as const;

/**
 * One random piece of work on device `d`: what a user does (create, edit any field, delete,
 * restore, sales, comments, bulk edits, an import, custom fields, plans, NPS …). Refusals a user
 * would see (a rule of the program) are fine; a failure inside the program is not.
 */
export async function randomWork(rng: Rng, d: World, step: number): Promise<string> {
  const pick = <T>(xs: readonly T[]): T | undefined =>
    xs.length === 0 ? undefined : xs[Math.floor(rng.next() * xs.length)];
  const now = ids(d);
  // Most work lands on a few clients, so devices often change the same ones between meetings.
  const client = rng.next() < 0.6 ? pick(now.clients.slice(0, 3)) : pick(now.clients);
  const roll = rng.next();
  const send = async (channel: string, input: unknown): Promise<string> => {
    const envelope: Envelope<unknown> = await d.send(channel, input);
    if (!envelope.ok && envelope.error.code === 'internal') {
      throw new Error(`${channel} failed inside: ${envelope.error.message}`);
    }
    return envelope.ok ? channel : `${channel} refused: ${envelope.error.message}`;
  };
  const value = (field: (typeof FIELDS)[number]): unknown => {
    const n = Math.floor(rng.next() * 90) + 10;
    switch (field) {
      case 'name':
        return `${pick(NAMES)} ${n}`;
      case 'phone':
        return `+7 912 000-${n}-${(step % 90) + 10}`;
      case 'email':
        return `x${n}@почта.рф`;
      case 'note':
        return `Заметка ${n}`;
      case 'company':
        return rng.next() < 0.2 ? null : `ООО «${pick(NAMES)}»`;
      case 'stage':
        return pick(STAGES);
      case 'tags':
        return [`t${n % 5}`];
    }
  };
  if (!client || roll < 0.14) {
    return send('clients.create', {
      name: `${pick(NAMES)} ${step}`,
      phone: `+7 900 ${step}-00-00`,
    });
  }
  if (roll < 0.4) {
    const field = pick(FIELDS)!;
    return send('clients.update', { id: client, patch: { [field]: value(field) } });
  }
  if (roll < 0.45) return send('clients.delete', { id: client });
  if (roll < 0.5) {
    const back = pick(now.deleted);
    return back ? send('clients.restore', { id: back }) : 'nothing to restore';
  }
  if (roll < 0.58) {
    const day = `2026-${String(1 + Math.floor(rng.next() * 11)).padStart(2, '0')}-15`;
    return send('sales.add', { clientId: client, date: day, amount: Math.floor(rng.next() * 1e6) });
  }
  if (roll < 0.62) {
    const sale = pick(now.sales);
    return sale ? send('sales.delete', { id: sale }) : 'no sale';
  }
  if (roll < 0.7) {
    return send('comments.add', { clientId: client, kind: 'call', body: `Звонок ${step}` });
  }
  if (roll < 0.74) {
    const comment = pick(now.comments);
    return comment
      ? send('comments.update', { id: comment, body: `Правка ${step}` })
      : 'no comment';
  }
  if (roll < 0.8) {
    const chosen = now.clients.filter(() => rng.next() < 0.5);
    if (chosen.length === 0) return 'no selection';
    const action =
      rng.next() < 0.5
        ? { type: 'addTag', tag: `bulk${step % 3}` }
        : { type: 'setStage', stage: pick(STAGES) };
    return send('clients.bulk', { ids: chosen, action });
  }
  if (roll < 0.84) {
    return send('clients.bulk', {
      ids: [client],
      action: { type: 'setCustom', key: 'size', value: Math.floor(rng.next() * 50) },
    });
  }
  if (roll < 0.88) {
    return send('plans.set', {
      clientId: client,
      category: pick(['Обувь', 'Сумки']),
      period: '2026',
      plan: Math.floor(rng.next() * 1e6),
    });
  }
  if (roll < 0.9) return send('nps.add', { clientId: client, score: Math.floor(rng.next() * 11) });
  if (roll < 0.92) {
    return send('reminders.add', {
      clientId: client,
      title: `Позвонить ${step}`,
      due: '2026-12-01',
    });
  }
  if (roll < 0.95) return importSmallFile(rng, d, step);
  if (roll < 0.96) return send('trash.empty', {});
  if (roll < 0.98) return send('managers.add', { name: `Менеджер ${step}` });
  return send('views.save', { name: `Вид ${step}`, definition: { query: pick(NAMES)! } });
}

async function importSmallFile(rng: Rng, d: World, step: number): Promise<string> {
  const file = path.join(d.dir, `import-${step}.csv`);
  const rows = ['Имя;Телефон'];
  const n = 1 + Math.floor(rng.next() * 4);
  for (let i = 0; i < n; i += 1) rows.push(`Импорт ${step}-${i};+7 913 ${step}-0${i}-00`);
  fs.writeFileSync(file, rows.join('\n'));
  d.app.ctx.importer.allowFile(file);
  const envelope = await d.send('import.run', {
    path: file,
    target: 'clients',
    mapping: { Имя: 'name', Телефон: 'phone' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
  if (!envelope.ok && envelope.error.code === 'internal') {
    throw new Error(`import.run failed inside: ${envelope.error.message}`);
  }
  return 'import.run';
}

/** A field every device has before the work starts (a portrait field of the first device). */
export async function defineSharedField(fleet: Fleet): Promise<void> {
  await fleet.devices[0]!.call('fields.define', { key: 'size', label: 'Размер', type: 'number' });
}
