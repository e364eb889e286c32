/**
 * `node dist/main/web.cjs …`: the browser shell's entry. A small loader: it takes the shell's
 * port and serves the page's files at once (`web-listen.ts`), prints the address, and only then
 * runs the shell's bundle (`web-app.cjs`, from `web.ts`), which takes the server over: the
 * browser loads and runs the page's scripts while the bundle loads and the workbook opens. The
 * bundle runs with V8's code cache kept in the data folder's `code-cache`, so a start after the
 * first one does not compile 3 MB of code again. The arguments are the shell's (see `web.ts`);
 * only `--port` and `--data-dir` are read here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readBundle, requireWithCodeCache } from './code-cache';
import { bundledPaths, userDataDir } from './paths';
import { prepareUploadDir } from './upload-dir';
import { DEFAULT_PORT, listenForPage, portArg, startOnPreferredPort } from './web-listen';
import type * as WebShell from './web';

/** How long after the start the compiled code is written for the next one. */
const SAVE_AFTER_MS = 10_000;
/** The bundle loads once the page has asked for something, or this long after listening. */
const LOAD_AFTER_MS = 100;

/** The value of `--name value` or `--name=value`; undefined when not given. */
function argOf(argv: readonly string[], name: string): string | undefined {
  const at = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at < 0) return undefined;
  const arg = argv[at]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
}

async function start(argv: string[]): Promise<void> {
  const port = portArg(argOf(argv, '--port'));
  const dataDir = path.resolve(argOf(argv, '--data-dir') ?? userDataDir());
  const bundle = path.join(__dirname, 'web-app.cjs');
  const cacheDir = path.join(dataDir, 'code-cache');
  // Read in the background from now on, while the port is taken and the page sent.
  const read = readBundle(bundle, cacheDir);
  // A failed read is reported where it is awaited (below), not as an unhandled rejection first.
  read.catch(() => undefined);
  const staticDir = bundledPaths(__dirname).rendererDir;
  const page = await startOnPreferredPort(port ?? DEFAULT_PORT, (at) =>
    listenForPage(staticDir, at),
  );
  // Uploaded import files live for this run only; a killed shell's are removed here, before the
  // address is printed.
  const uploadDir = prepareUploadDir();
  // Removed however the process ends (a stop, a workbook that cannot be opened).
  process.once('exit', () => fs.rmSync(uploadDir, { recursive: true, force: true }));
  // Until the bundle's own handlers: a stop ends the process (nothing is open yet).
  const quit = () => process.exit(0);
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
  process.stdout.write(`listening on ${page.origin}\n`);
  // The page's first file is sent before the bundle's load takes the thread for a while.
  await Promise.race([page.asked, new Promise((resolve) => setTimeout(resolve, LOAD_AFTER_MS))]);
  const shell = requireWithCodeCache(bundle, cacheDir, await read);
  const { startWebShell } = shell.exports as typeof WebShell;
  process.off('SIGINT', quit);
  process.off('SIGTERM', quit);
  await startWebShell(argv, __dirname, { page, uploadDir });
  // Once the shell listens: after the first screen's calls, so the code they compiled is in the
  // cache too, or when the shell stops before that (a save is done once). A shell that could not
  // start (no port, or a workbook it could not open, which exits with 1) writes nothing.
  setTimeout(() => shell.save(), SAVE_AFTER_MS).unref();
  process.once('exit', (code) => {
    if (code === 0) shell.save();
  });
}

start(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `kartoteka web shell could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
