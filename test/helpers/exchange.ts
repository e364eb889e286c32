/**
 * Devices for the sync tests, each a whole app on its own workbook, disposed after each test;
 * and carrying an exchange file from one to another.
 */
import path from 'node:path';
import { afterEach } from 'vitest';
import { makeWorld, type World } from './world';

/** Returns the maker of devices for this test file; each is disposed after its test. */
export function devicesPerTest(): () => World {
  const worlds: World[] = [];
  afterEach(() => {
    for (const w of worlds.splice(0)) w.dispose();
  });
  return () => {
    const w = makeWorld();
    worlds.push(w);
    return w;
  };
}

let files = 0;
/** `from` writes the changes its partners have not seen to a new file; returns its path. */
export async function exportFrom(from: World): Promise<string> {
  files += 1;
  const file = path.join(from.dir, `changes-${files}.ktx`);
  await from.call('exchange.export', { path: file });
  return file;
}

/** `from` writes the changes `to` has not seen; `to` loads them. */
export async function carry(from: World, to: World) {
  return to.call('exchange.import', { path: await exportFrom(from) });
}
