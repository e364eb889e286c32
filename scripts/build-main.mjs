// Bundles the main process (Electron shell, preload, browser shell) into dist/main/*.cjs.
// better-sqlite3 stays external: it is a native module loaded from node_modules (or from the
// Electron build, see scripts/native-electron.mjs); electron is provided by the runtime.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * Some bundled dependencies still call the deprecated `new Buffer()` (exceljs' zip writer,
 * archiver-utils 2, on every .xlsx export). Node keeps quiet about that inside node_modules,
 * but not once the code is bundled into dist/main: the shell printed DEP0005. Each such call is
 * replaced by what the constructor has done since Node 8: `Buffer.alloc` for a size (zero-filled),
 * `Buffer.from` for anything else. (archiver-utils 3 has the fix but does not work with
 * archiver 5, which exceljs 4.4, the latest, needs.)
 */
const LEGACY_BUFFER = '__kartotekaLegacyBuffer';
const withoutBufferConstructor = {
  name: 'without-buffer-constructor',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('new Buffer(')) return undefined;
      return { contents: text.replaceAll('new Buffer(', `${LEGACY_BUFFER}(`), loader: 'js' };
    });
  },
};
const legacyBuffer = `function ${LEGACY_BUFFER}(value, encodingOrOffset, length) {
  return typeof value === 'number' ? Buffer.alloc(value) : Buffer.from(value, encodingOrOffset, length);
}`;

/**
 * `@actual-app/crdt` builds the descriptors of its sync protocol's messages (protobuf) as its
 * module is loaded, though this program takes only its clock (db/sync-clock.ts): 35–40 ms of
 * every shell's start, measured. Its calls to `fileDesc`/`messageDesc` are marked pure, so the
 * bundler leaves out those it finds unused, and protobuf with them; any code that one day uses
 * the messages keeps them.
 */
const crdtDescriptorsPure = {
  name: 'crdt-descriptors-pure',
  setup(build) {
    build.onLoad({ filter: /[\\/]@actual-app[\\/]crdt[\\/]dist[\\/]index\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      return {
        contents: text.replace(/= (fileDesc|messageDesc)\(/g, '= /* @__PURE__ */ $1('),
        loader: 'js',
      };
    });
  },
};

/**
 * Node decodes a bundle with any character beyond ASCII into a string of two bytes a character:
 * twice the memory, and 30 ms of the shell's start for its 3 MB against 15 for an ASCII one.
 * esbuild escapes such characters in strings, but not in regular expressions (a few of ours
 * match Russian words). Our sources are read with every such character escaped (`\\uXXXX`, the
 * same character to a string, a regular expression or a comment); the build then checks that the
 * shell's bundle is ASCII. Only the columns of those lines move in the source map.
 */
const asciiSources = {
  name: 'ascii-sources',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!/[^\0-\x7f]/.test(text)) return undefined;
      const contents = text.replace(
        /[^\0-\x7f]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      return { contents, loader: 'ts' };
    });
  },
};

await build({
  entryPoints: {
    main: 'electron/main.ts',
    preload: 'electron/preload.ts',
    // The shell's entry is a small loader that runs its bundle (web-app) with V8's code cache.
    web: 'electron/web-start.ts',
    'web-app': 'electron/web.ts',
    'import-worker': 'electron/services/import/worker.ts',
    'bulk-worker': 'electron/services/bulk/worker.ts',
    'analytics-worker': 'electron/services/analytics/worker.ts',
    'integrity-worker': 'electron/services/workbook/integrity-worker.ts',
    'agenda-worker': 'electron/services/today/agenda-worker.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Minified: Node compiles every byte of a bundle before its first line runs, and the shell's
  // start (and each worker thread's) is mostly that. Function names are not kept: keeping them
  // (`keepNames`) defines a `name` on each of 4,400 functions as the bundle loads (40–70 ms of
  // the shell's start) and on every closure made at run time; the source maps name them instead.
  // No code of ours reads a function's name (exceljs's one such check is in `spliceRows`, unused).
  minify: true,
  keepNames: false,
  external: ['electron', 'better-sqlite3'],
  define: { 'process.env.KARTOTEKA_VERSION': JSON.stringify(pkg.version) },
  plugins: [withoutBufferConstructor, crdtDescriptorsPure, asciiSources],
  banner: { js: legacyBuffer },
  logLevel: 'warning',
});

const shellBundle = fs.readFileSync('dist/main/web-app.cjs');
const wide = shellBundle.findIndex((byte) => byte > 0x7f);
if (wide >= 0) {
  throw new Error(
    `dist/main/web-app.cjs is not ASCII at byte ${wide}: ${shellBundle.subarray(Math.max(0, wide - 60), wide + 20).toString()}`,
  );
}
