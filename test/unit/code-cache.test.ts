/**
 * The browser shell's bundle is loaded with V8's code cache (`code-cache.ts`): a start after
 * the first takes the compiled code from the data folder; a cache of another build or a damaged
 * file is refused by V8 and written again, and the module works the same every time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readBundle, requireWithCodeCache } from '../../electron/code-cache';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-code-cache-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A CommonJS module that uses `require`, `module`, `exports` and `__dirname` as a bundle does. */
function writeModule(file: string, answer: number): void {
  fs.writeFileSync(
    file,
    `const path = require('node:path');
     const helper = require('./helper.cjs');
     function answer() { return ${answer}; }
     module.exports = { answer, folder: path.basename(__dirname), twice: helper.twice, self: module.filename };`,
  );
}

it('compiles once, takes the cache on the next load, and writes it again for a new build', () => {
  const file = path.join(dir, 'bundle.cjs');
  fs.writeFileSync(path.join(dir, 'helper.cjs'), 'exports.twice = (n) => 2 * n;');
  writeModule(file, 41);
  const cacheDir = path.join(dir, 'data', 'code-cache');
  type Shape = { answer(): number; folder: string; twice(n: number): number; self: string };

  const first = requireWithCodeCache(file, cacheDir);
  const exports = first.exports as Shape;
  expect([
    first.fromCache,
    exports.answer(),
    exports.folder,
    exports.twice(4),
    exports.self,
  ]).toEqual([false, 41, path.basename(dir), 8, file]);
  expect(fs.existsSync(cacheDir)).toBe(false);
  first.save();
  expect(fs.readdirSync(cacheDir)).toHaveLength(1);

  const second = requireWithCodeCache(file, cacheDir);
  expect([second.fromCache, (second.exports as Shape).answer()]).toEqual([true, 41]);

  // Another build of the bundle: V8 refuses the old code, the new answer is given, and the
  // cache is written anew for the build after.
  writeModule(file, 42);
  const rebuilt = requireWithCodeCache(file, cacheDir);
  expect([rebuilt.fromCache, (rebuilt.exports as Shape).answer()]).toEqual([false, 42]);
  rebuilt.save();
  // The old build's cache is gone: one file a bundle.
  expect(fs.readdirSync(cacheDir)).toHaveLength(1);
  const again = requireWithCodeCache(file, cacheDir);
  expect([again.fromCache, (again.exports as Shape).answer()]).toEqual([true, 42]);
});

it('a damaged cache file or a folder that cannot be written costs only the cache', () => {
  const file = path.join(dir, 'bundle.cjs');
  fs.writeFileSync(path.join(dir, 'helper.cjs'), 'exports.twice = (n) => 2 * n;');
  writeModule(file, 7);
  const cacheDir = path.join(dir, 'code-cache');
  requireWithCodeCache(file, cacheDir).save();
  const [name] = fs.readdirSync(cacheDir);
  fs.writeFileSync(path.join(cacheDir, name!), Buffer.from('not compiled code at all'));
  const damaged = requireWithCodeCache(file, cacheDir);
  expect([damaged.fromCache, (damaged.exports as { answer(): number }).answer()]).toEqual([
    false,
    7,
  ]);
  damaged.save();
  expect(requireWithCodeCache(file, cacheDir).fromCache).toBe(true);

  // A file where the folder should be: nothing is written, nothing is thrown.
  const blocked = path.join(dir, 'blocked');
  fs.writeFileSync(blocked, '');
  const loaded = requireWithCodeCache(file, blocked);
  expect(() => loaded.save()).not.toThrow();
  expect((requireWithCodeCache(file, blocked).exports as { answer(): number }).answer()).toBe(7);
});

it('a bundle with words beyond ASCII runs them as written, from the cache too', () => {
  const file = path.join(dir, 'bundle.cjs');
  fs.writeFileSync(file, "module.exports = { word: 'Картотека ₽', stage: /ё/.test('ёж') };");
  const cacheDir = path.join(dir, 'code-cache');
  const first = requireWithCodeCache(file, cacheDir);
  expect(first.exports).toEqual({ word: 'Картотека ₽', stage: true });
  first.save();
  const second = requireWithCodeCache(file, cacheDir);
  expect([second.fromCache, second.exports]).toEqual([true, { word: 'Картотека ₽', stage: true }]);
});

it('a bundle read ahead in the background loads as one read on the spot, its cache checked too', async () => {
  const file = path.join(dir, 'bundle.cjs');
  fs.writeFileSync(path.join(dir, 'helper.cjs'), 'exports.twice = (n) => 2 * n;');
  writeModule(file, 5);
  const cacheDir = path.join(dir, 'code-cache');
  const none = await readBundle(file, cacheDir);
  expect(none.cachedData).toBeUndefined();
  const first = requireWithCodeCache(file, cacheDir, none);
  expect([first.fromCache, (first.exports as { answer(): number }).answer()]).toEqual([false, 5]);
  first.save();
  // The same cache file as a read on the spot names, and its code taken.
  const ahead = await readBundle(file, cacheDir);
  expect(path.basename(ahead.cacheFile)).toBe(fs.readdirSync(cacheDir)[0]);
  expect(requireWithCodeCache(file, cacheDir, ahead).fromCache).toBe(true);
  // A damaged cache file is not handed to V8.
  fs.writeFileSync(ahead.cacheFile, Buffer.concat([Buffer.alloc(32), Buffer.from('junk')]));
  const damaged = await readBundle(file, cacheDir);
  expect(damaged.cachedData).toBeUndefined();
  expect(
    (requireWithCodeCache(file, cacheDir, damaged).exports as { answer(): number }).answer(),
  ).toBe(5);
  // A bundle that is not there: the read fails, where the loader awaits it.
  await expect(readBundle(path.join(dir, 'missing.cjs'), cacheDir)).rejects.toThrow(/ENOENT/);
});
