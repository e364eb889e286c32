// Bundles the main process (Electron shell, preload, browser shell) into dist/main/*.cjs.
// better-sqlite3 stays external: it is a native module loaded from node_modules (or from the
// Electron build, see scripts/native-electron.mjs); electron is provided by the runtime.
import fs from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: {
    main: 'electron/main.ts',
    preload: 'electron/preload.ts',
    web: 'electron/web.ts',
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
  external: ['electron', 'better-sqlite3'],
  define: { 'process.env.KARTOTEKA_VERSION': JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
