// `node scripts/make-fixture-workbook.mjs <migration tag>…`: bundles
// scripts/make-fixture-workbook.ts (better-sqlite3 external, as in scripts/build-main.mjs) and
// runs it: writes test/fixtures/workbooks/<tag>.kartoteka for each tag.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/fixtures/make-fixture-workbook.cjs`;

await build({
  absWorkingDir: root,
  entryPoints: ['scripts/make-fixture-workbook.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['better-sqlite3'],
  logLevel: 'warning',
});

const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', out, ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
