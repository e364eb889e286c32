/**
 * A worker thread compiles and runs its whole bundle before it opens the workbook: the bulk
 * worker (one per whole-base edit or undo) must not carry the API contract, whose zod schemas
 * were most of its bundle and of its start. The write paths take the client fields and the
 * date checks from kernel/ instead.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** The source files (relative to the project) a bundle of `source` holds. */
async function bundled(source: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    metafile: true,
    external: ['electron', 'better-sqlite3'],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

const contractOrZod = (file: string) =>
  /[\\/]node_modules[\\/]zod[\\/]/.test(file) || file.includes('electron/api/contract/');

describe('worker bundles', () => {
  it('the bulk worker leaves out the API contract and zod', async () => {
    const files = await bundled("import './electron/services/bulk/worker';");
    expect(files).toContain('db/queries/revert-columns.ts');
    expect(files.filter(contractOrZod)).toEqual([]);
  });

  it('sees the contract when the worker takes a value from it', async () => {
    // The mistake planted: one value of the contract beside the worker, as clients.ts had.
    const files = await bundled(
      "import './electron/services/bulk/worker'; export { clientFieldShape } from './electron/api/contract';",
    );
    expect(files.filter(contractOrZod).length).toBeGreaterThan(0);
  });
});
