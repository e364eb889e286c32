/**
 * The lint rule that keeps Electron out of everything but the shell: main.ts, preload.ts and
 * their thin adapter desktop-ui.ts may import it; the shell's decisions in electron/desktop/ and
 * the rest of the main process may not (they run in the tests under plain Node).
 *
 * The project's own config is asked which setting of no-restricted-imports applies to each file,
 * and that setting is run over a planted import of electron. (Running the whole typed lint over
 * planted text depends on the type-checker's view of the file system; the rule does not.)
 */
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const PLANTED =
  "import { app } from 'electron';\n\nexport const name = (): string => app.getName();\n";

async function restricted(file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const absolute = path.join(ROOT, file);
  expect(await eslint.isPathIgnored(absolute)).toBe(false);
  const config = (await eslint.calculateConfigForFile(absolute)) as {
    rules?: Record<string, Linter.RuleEntry>;
  };
  const setting = config.rules?.['no-restricted-imports'];
  if (setting === undefined) return [];
  const messages = new Linter({ configType: 'flat' }).verify(PLANTED.replace(': string', ''), [
    {
      languageOptions: { sourceType: 'module', ecmaVersion: 'latest' },
      rules: { 'no-restricted-imports': setting },
    },
  ]);
  return messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('who may import electron', () => {
  it('refuses it in the Electron-free modules, allows it in the adapter', async () => {
    expect(await restricted('electron/desktop/menu-template.ts')).toEqual([
      expect.stringMatching(/^no-restricted-imports: /),
    ]);
    expect(await restricted('electron/desktop/menu-template.ts')).toEqual([
      expect.stringContaining(
        'Only electron/main.ts, electron/preload.ts and electron/desktop-ui.ts import electron.',
      ),
    ]);
    expect(await restricted('electron/app.ts')).toHaveLength(1);
    expect(await restricted('db/workbook.ts')).toHaveLength(1);
    expect(await restricted('electron/desktop-ui.ts')).toEqual([]);
    expect(await restricted('electron/main.ts')).toEqual([]);
  }, 120_000);
});
