/**
 * Main-process entry points (workers, a test's child process) bundled from the real sources
 * the way `scripts/build-main.mjs` bundles them: CommonJS for Node 20, minified, better-sqlite3
 * left to node_modules. The folder is inside the project so that the bundle finds the native driver.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.resolve(__dirname, '../..');

/** A new folder under `test-results/` for one test file's bundles. */
export function bundleFolder(prefix: string): string {
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  return fs.mkdtempSync(path.join(ROOT, 'test-results', `${prefix}-`));
}

/**
 * Bundles `entryPoints` (output name → source, relative to the project) into `outDir` as
 * `<name>.cjs`; returns the path of each.
 */
export async function bundleForNode<N extends string>(
  entryPoints: Record<N, string>,
  outDir: string,
): Promise<Record<N, string>> {
  await build({
    absWorkingDir: ROOT,
    entryPoints,
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Minified, as scripts/build-main.mjs builds the app: a child or worker starts as fast as the
    // app's (the crash test starts a child a hundred times).
    minify: true,
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  const names = Object.keys(entryPoints) as N[];
  return Object.fromEntries(names.map((n) => [n, path.join(outDir, `${n}.cjs`)])) as Record<
    N,
    string
  >;
}
