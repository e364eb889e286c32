/**
 * The unit test files share their worker's process and modules, so a file that sets the
 * process's time zone must run apart (`FRESH_MODULES`): else every file after it in that worker
 * would run in its zone, and pass or fail by which worker it landed on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { FRESH_MODULES } from '../helpers/fresh-modules';

const ROOT = path.resolve(__dirname, '../..');

it('every test file that sets the time zone runs in a process of its own', () => {
  const setsZone = fs
    .readdirSync(path.join(ROOT, 'test/unit'))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `test/unit/${name}`)
    .filter((file) =>
      /process\.env(\.TZ|\[['"]TZ['"]\])\s*=[^=]/.test(
        fs.readFileSync(path.join(ROOT, file), 'utf8'),
      ),
    );
  expect(setsZone.length).toBeGreaterThan(0);
  expect(setsZone.filter((file) => !FRESH_MODULES.includes(file))).toEqual([]);
  for (const file of FRESH_MODULES) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
});
