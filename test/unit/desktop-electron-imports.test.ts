/**
 * The lint rule that keeps Electron out of everything but the shell: main.ts, preload.ts and
 * their thin adapter desktop-ui.ts may import it; the shell's decisions in electron/desktop/ and
 * the rest of the main process may not (they run in the tests under plain Node).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const PLANTED =
  "import { app } from 'electron';\n\nexport const name = (): string => app.getName();\n";

async function restricted(file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(PLANTED, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('who may import electron', () => {
  it('refuses it in the Electron-free modules, allows it in the adapter', async () => {
    expect(await restricted('electron/desktop/menu-template.ts')).toEqual([
      expect.stringContaining(
        'Only electron/main.ts, electron/preload.ts and electron/desktop-ui.ts',
      ),
    ]);
    expect(await restricted('electron/app.ts')).toHaveLength(1);
    expect(await restricted('electron/desktop-ui.ts')).toEqual([]);
  }, 120_000);
});
