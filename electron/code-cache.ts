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

/**
 * SHA-256 on this thread: 2 ms for the 3 MB bundle. Web Crypto's `digest`, though it returns a
 * promise, held the thread 13–22 ms for the same bytes (a 1 ms timer waited as long).
 */
const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest();

/**
 * The cache file of one build of `file`: named by a hash of its source (`hash`). V8 itself checks
 * only the source's length, and would run a cache of another build of the same length.
 */
function cacheFileOf(file: string, hash: Buffer, cacheDir: string): string {
  return path.join(
    cacheDir,
    `${path.basename(file, '.cjs')}-${hash.toString('hex').slice(0, 32)}.v8`,
  );
}

/** The compiled code in a cache file's bytes, if the file is whole (its first 32 bytes: a hash). */
function payloadOf(bytes: Buffer): Buffer | undefined {
  const payload = bytes.subarray(32);
  return bytes.length > 32 && sha256(payload).equals(bytes.subarray(0, 32)) ? payload : undefined;
}

/** A bundle's bytes and the compiled code kept for them, read before it is loaded. */
export interface BundleRead {
  bytes: Buffer;
  cacheFile: string;
  cachedData: Buffer | undefined;
}

/** Reads `file` and its kept compiled code now, on this thread. */
function readBundleNow(file: string, cacheDir: string): BundleRead {
  // Read as bytes, hashed as they are and then decoded: hashing the decoded text encoded it
  // back to UTF-8 first (the same hash; ~35 ms more of the shell's start, measured).
  const bytes = fs.readFileSync(file);
  const cacheFile = cacheFileOf(file, sha256(bytes), cacheDir);
  let cached: Buffer | undefined;
  try {
    cached = fs.readFileSync(cacheFile);
  } catch {
    cached = undefined;
  }
  return { bytes, cacheFile, cachedData: cached && payloadOf(cached) };
}

/**
 * Reads `file` and its kept compiled code without holding the thread: the reads run in libuv's
 * thread pool (the hashes take a few milliseconds here). The browser shell starts this before
 * it listens, so a bundle that is not in the system's file cache any more (170 ms for its 3 MB,
 * measured) is read while the browser opens the page, not after.
 */
export async function readBundle(file: string, cacheDir: string): Promise<BundleRead> {
  const bytes = await fs.promises.readFile(file);
  const cacheFile = cacheFileOf(file, sha256(bytes), cacheDir);
  let cached: Buffer | undefined;
  try {
    cached = await fs.promises.readFile(cacheFile);
  } catch {
    return { bytes, cacheFile, cachedData: undefined };
  }
  return { bytes, cacheFile, cachedData: payloadOf(cached) };
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

/**
 * Runs the CommonJS file `file` as `require` would, compiled with its cache in `cacheDir`; `read`:
 * the file and its cache read already (`readBundle`), else they are read now.
 */
export function requireWithCodeCache(
  file: string,
  cacheDir: string,
  read: BundleRead = readBundleNow(file, cacheDir),
): CachedLoad {
  const { cacheFile, cachedData } = read;
  const source = read.bytes.toString('utf8');
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
