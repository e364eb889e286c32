/**
 * Loading a large CommonJS bundle with V8's code cache. Node compiles every byte of a bundle
 * before its first line runs (about 0.3 s of the browser shell's start for its 3 MB here); V8
 * can instead take the compiled code it wrote on an earlier start. The cache is a file per build
 * of a bundle in a folder of the user's data, named by a hash of the source and checked by a
 * hash of its own; a cache V8 refuses, or a damaged file, is simply written again. Node 22 has
 * this built in (`module.enableCompileCache`); Node 20, which this program runs on, does not.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

export interface CachedLoad {
  /** The module's exports. */
  exports: unknown;
  /** Whether compiled code from an earlier start was used. */
  fromCache: boolean;
  /**
   * Writes the compiled code for the next start when there was none or it was refused: called
   * once the program has started, so that the functions compiled by then are in it too. Never
   * throws (a folder that cannot be written only means no cache).
   */
  save(): void;
}

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest();

/**
 * The cache file of one build of `file`: named by a hash of its source. V8 itself checks only
 * the source's length, and would run a cache of another build of the same length.
 */
function cacheFileOf(file: string, source: Buffer, cacheDir: string): string {
  return path.join(
    cacheDir,
    `${path.basename(file, '.cjs')}-${sha256(source).toString('hex').slice(0, 32)}.v8`,
  );
}

/** The compiled code kept in `cacheFile`, if the file is whole (its first 32 bytes: a hash). */
function readCache(cacheFile: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const payload = bytes.subarray(32);
  return bytes.length > 32 && sha256(payload).equals(bytes.subarray(0, 32)) ? payload : undefined;
}

/** Writes the cache of one build and removes those of the bundle's other builds. */
function writeCache(cacheFile: string, data: Buffer): void {
  const dir = path.dirname(cacheFile);
  fs.mkdirSync(dir, { recursive: true });
  // Written aside and renamed: a start reading it meanwhile sees the old file or the new.
  const partial = `${cacheFile}.${process.pid}.partial`;
  fs.writeFileSync(partial, Buffer.concat([sha256(data), data]));
  fs.renameSync(partial, cacheFile);
  const prefix = path.basename(cacheFile).replace(/-[0-9a-f]+\.v8$/, '-');
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.v8') && name !== path.basename(cacheFile)) {
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}

/** Runs the CommonJS file `file` as `require` would, compiled with its cache in `cacheDir`. */
export function requireWithCodeCache(file: string, cacheDir: string): CachedLoad {
  // Read as bytes, hashed as they are and then decoded: hashing the decoded text encoded it
  // back to UTF-8 first (the same hash; ~35 ms more of the shell's start, measured).
  const bytes = fs.readFileSync(file);
  const cacheFile = cacheFileOf(file, bytes, cacheDir);
  const source = bytes.toString('utf8');
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const loaded = new Module(file, module);
  loaded.filename = file;
  loaded.paths = (
    Module as unknown as { _nodeModulePaths(dir: string): string[] }
  )._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(
    loaded.exports,
    loaded.exports,
    createRequire(file),
    loaded,
    file,
    path.dirname(file),
  );
  loaded.loaded = true;
  let saved = fromCache;
  return {
    exports: loaded.exports,
    fromCache,
    save() {
      if (saved) return;
      saved = true;
      try {
        writeCache(cacheFile, script.createCachedData());
      } catch {
        // No cache this time; the program works the same.
      }
    },
  };
}
