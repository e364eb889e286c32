/**
 * The layer rules bite: the project's eslint.config.js, run over the committed miniature tree in
 * test/fixtures/lint/ (the same zones and SQL rule, rooted there), reports the upward imports,
 * the SQL outside db/ and the two-file cycle, and nothing in the files that keep the direction.
 * The real tree is held to the same rules by `npm run lint` (part of `npm test`), which is why it
 * is not linted a second time here. (Committed files, not planted text: the typed lint of text
 * that is not on disk depends on the type-checker's view of the file system.)
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/lint');

/** Each linted file (relative to the fixtures) with the rules it broke. */
async function reported(eslint: ESLint, targets: string[]): Promise<Record<string, string[]>> {
  const results = await eslint.lintFiles(targets);
  return Object.fromEntries(
    results.map((r) => [
      path.relative(FIXTURES, r.filePath).split(path.sep).join('/'),
      r.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`),
    ]),
  );
}

describe('the layer rules', () => {
  it('report a forbidden upward import, SQL outside db/ and a cycle', async () => {
    // The fixtures are left out of `npm run lint`; here the ignore list is switched off.
    const eslint = new ESLint({ cwd: ROOT, ignore: false });
    expect(await reported(eslint, [FIXTURES])).toEqual({
      'db/queries/query.ts': [],
      'db/queries/upward.ts': ['import-x/no-restricted-paths'],
      'electron/analytics/impure.ts': ['import-x/no-restricted-paths'],
      'electron/api/contract/index.ts': [],
      'electron/api/errors.ts': [],
      'electron/api/handlers/handler.ts': [],
      'electron/services/cycle-a.ts': ['import-x/no-cycle'],
      'electron/services/cycle-b.ts': ['import-x/no-cycle'],
      'electron/services/service.ts': [],
      'electron/services/sql.ts': ['no-restricted-syntax'],
      'renderer/src/reach.ts': ['import-x/no-restricted-paths'],
      'renderer/src/view.ts': [],
    });
  }, 180_000);
});
