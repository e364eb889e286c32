// `npm run bench [-- --clients 20000 --seed 1 --fresh]`: bundles bench/*.ts into dist/bench/*.cjs
// (better-sqlite3 stays external, as in scripts/build-main.mjs) and runs the harness under Node.
// `npm run bench -- generate --clients 1000 --out <file>` runs only the workbook generator.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: {
    run: 'bench/run.ts',
    generate: 'bench/generate-cli.ts',
    'import-worker': 'electron/services/import/worker.ts',
    'bulk-worker': 'electron/services/bulk/worker.ts',
    'analytics-worker': 'electron/services/analytics/worker.ts',
    'integrity-worker': 'electron/services/workbook/integrity-worker.ts',
  },
  outdir: 'dist/bench',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Minified as scripts/build-main.mjs builds the app: a worker thread starts as in the app.
  // KARTOTEKA_BENCH_PLAIN=1 keeps the names in CPU profiles (node --cpu-prof dist/bench/run.cjs).
  minify: process.env.KARTOTEKA_BENCH_PLAIN !== '1',
  // DuckDB (a native binding) and Playwright (drives Chromium for the start figure) load from
  // node_modules, not bundled.
  external: ['better-sqlite3', '@duckdb/node-api', '@playwright/test', 'playwright-core'],
  logLevel: 'warning',
});

const [first, ...rest] = process.argv.slice(2);
const [entry, args] = first === 'generate' ? ['generate', rest] : ['run', process.argv.slice(2)];
// Without --enable-source-maps, which the bench's worker threads would inherit: the app runs
// without it (`npm run web`, Electron), and the figures are the app's. A failure's stack then
// names the minified bundle; KARTOTEKA_BENCH_PLAIN=1 (above) keeps the names.
const result = spawnSync(process.execPath, [`${root}dist/bench/${entry}.cjs`, ...args], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
