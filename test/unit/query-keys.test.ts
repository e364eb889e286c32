/**
 * The renderer's cache follows the contract: every query key is made from a channel name by the
 * one factory, and a write refreshes what its channel's metadata names. Checked on a real
 * react-query client, with observers standing for the screens that show the data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName, InputOf } from '../../electron/api/contract';
import { invalidateAfter, queryKeys } from '../../renderer/src/api/query-keys';

const RENDERER = path.resolve(__dirname, '../../renderer/src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return /\.tsx?$/.test(e.name) ? [file] : [];
  });
}

describe('query keys', () => {
  it('are never written by hand in the renderer', () => {
    // A hand-written key (`['client', id]`) drifts from its channel (`clients.get`).
    const literal = /queryKey:\s*\[/;
    const offenders = sources(RENDERER)
      .filter((f) => literal.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(RENDERER, f));
    expect(offenders).toEqual([]);
  });

  it('start with the channel name, so a channel prefix matches every input', () => {
    expect(queryKeys.call('clients.get', { id: 'a' })).toEqual(['clients.get', { id: 'a' }]);
    expect(queryKeys.channel('clients.get')).toEqual(['clients.get']);
  });
});

describe('after a write', () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const unsubscribe: (() => void)[] = [];
  afterEach(() => {
    unsubscribe.splice(0).forEach((u) => u());
    client.clear();
  });

  /** A screen showing one call's answer; counts how often it was read. */
  async function shown<C extends ChannelName>(channel: C, input: InputOf<C>) {
    const reads = { count: 0 };
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.call(channel, input),
      queryFn: () => ++reads.count,
    });
    unsubscribe.push(observer.subscribe(() => undefined));
    await observer.refetch();
    reads.count = 1;
    return reads;
  }

  it('saving the analytics settings reads the dashboard and Today’s lists again', async () => {
    const dashboard = await shown('analytics.dashboard', { months: 12, asOf: '2026-11-12' });
    const due = await shown('analytics.due', { asOf: '2026-11-12', limit: 100 });
    const card = await shown('clients.get', { id: 'a' });
    await invalidateAfter(client, 'settings.setAnalytics');
    expect([dashboard.count, due.count, card.count]).toEqual([2, 2, 1]);
  });

  it('a stage rule saved reads the card and the list again, whatever their input', async () => {
    const card = await shown('clients.get', { id: 'a' });
    const list = await shown('clients.list', { limit: 100, offset: 0 });
    await invalidateAfter(client, 'stageRules.set');
    expect([card.count, list.count]).toEqual([2, 2]);
  });

  it('an undone batch reads everything shown again', async () => {
    const card = await shown('clients.get', { id: 'a' });
    const views = await shown('views.list', {});
    await invalidateAfter(client, 'history.undoBatch');
    expect([card.count, views.count]).toEqual([2, 2]);
  });

  it('a write of records reads the sync status again (its changes wait to be sent)', async () => {
    const status = await shown('sync.status', {});
    const settings = await shown('settings.get', {});
    await invalidateAfter(client, 'clients.update');
    expect([status.count, settings.count]).toEqual([2, 1]);
    // Reading changes nothing to send.
    await invalidateAfter(client, 'clients.get');
    expect(status.count).toBe(2);
  });
});
