/**
 * `node dist/main/web.cjs …`: the browser shell's entry. A small loader: it runs the shell's
 * bundle (`web-app.cjs`, from `web.ts`) with V8's code cache kept in the data folder's
 * `code-cache`, so a start after the first one does not compile 3 MB of code again. The
 * arguments are the shell's (see `web.ts`); only `--data-dir` is read here, for the folder.
 */
import path from 'node:path';
import { requireWithCodeCache } from './code-cache';
import { userDataDir } from './paths';
import type * as WebShell from './web';

/** How long after the start the compiled code is written for the next one. */
const SAVE_AFTER_MS = 10_000;

function dataDirOf(argv: readonly string[]): string {
  const at = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  if (at < 0) return userDataDir();
  const arg = argv[at]!;
  return path.resolve(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[at + 1] ?? '.'));
}

const argv = process.argv.slice(2);
const shell = requireWithCodeCache(
  path.join(__dirname, 'web-app.cjs'),
  path.join(dataDirOf(argv), 'code-cache'),
);
const { startWebShell } = shell.exports as typeof WebShell;
void startWebShell(argv, __dirname).then(() => {
  // Once the shell listens: after the first screen's calls, so the code they compiled is in the
  // cache too, or when the shell stops before that (a save is done once). A shell that could not
  // start writes nothing.
  setTimeout(() => shell.save(), SAVE_AFTER_MS).unref();
  process.once('exit', () => shell.save());
});
