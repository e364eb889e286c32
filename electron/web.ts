/**
 * The browser shell: `npm run web [-- --workbook <file>] [--port <n>] [--token <t>] [--data-dir <dir>]
 * [--portable-root <dir>]…`.
 * Serves the renderer and the API on 127.0.0.1 and prints `listening on http://127.0.0.1:<port>`.
 * `--workbook` is the first workbook (others are opened from the Workbook screen); the data
 * folder (the user's application-data folder by default) keeps the recent list. `--test-clock`
 * (end-to-end tests only, with KARTOTEKA_TEST=1) gives the shell a clock tests move forward.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, systemLocaleTag, toLocale, type App } from './app';
import { consoleLogger } from './api/logger';
import { APP_VERSION, bundledPaths, defaultWorkbookPath, userDataDir } from './paths';
import { startFailure } from './services/workbook/refusals';
import { testClockFor } from './test-clock';
import { prepareUploadDir } from './upload-dir';
import { DEFAULT_PORT, portArg, startOnPreferredPort, type PageServer } from './web-listen';
import { startWebServer } from './web-server';

/**
 * The workbook opens when the page's first file has been sent (its scripts, from the browser's
 * cache, then load and run while the workbook opens), at the first call, or this long after the
 * shell listens when nobody has asked by then.
 */
const OPEN_AFTER_MS = 100;

/** What the loader (`web-start.ts`) has done before this bundle was loaded. */
export interface EarlyStart {
  /** The server, already serving the page, its address printed: taken over here. */
  page: PageServer;
  /** The upload folder, made (and killed shells' ones removed) before the address was printed. */
  uploadDir: string;
}

export async function runWebShell(
  argv: string[],
  bundleDir: string,
  early?: EarlyStart,
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workbook: { type: 'string' },
      // None given: the usual port (DEFAULT_PORT), or any free one when it is taken.
      port: { type: 'string' },
      token: { type: 'string' },
      'data-dir': { type: 'string' },
      /** A folder whose workbooks open in portable mode, as if on a stick (repeatable). */
      'portable-root': { type: 'string', multiple: true },
      // End-to-end tests only, and only with KARTOTEKA_TEST=1 (see test-clock.ts).
      'test-clock': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = portArg(values.port);
  const token =
    values.token ?? process.env['KARTOTEKA_TOKEN'] ?? crypto.randomBytes(24).toString('base64url');
  const testClock = testClockFor(values['test-clock'], process.env);
  const paths = bundledPaths(bundleDir);
  const dataDir = path.resolve(values['data-dir'] ?? userDataDir());
  const systemLocale = systemLocaleTag();
  const openApp = () =>
    createApp({
      workbookPath: path.resolve(values.workbook ?? defaultWorkbookPath(dataDir)),
      dataDir,
      migrationsDir: paths.migrationsDir,
      importWorker: paths.importWorker,
      bulkWorker: paths.bulkWorker,
      analyticsWorker: paths.analyticsWorker,
      integrityWorker: paths.integrityWorker,
      agendaWorker: paths.agendaWorker,
      // The first screen's calls come first; the check, backup and analytics read after them.
      quietStartMs: 1500,
      shell: 'web',
      version: APP_VERSION,
      systemLocale,
      ...(values['portable-root']
        ? { portableRoots: values['portable-root'].map((r) => path.resolve(r)) }
        : {}),
      ...(testClock ? { now: testClock.now } : {}),
    });
  // The shell listens before it opens the workbook (see OPEN_AFTER_MS): the browser loads and
  // runs the page's scripts meanwhile, and the calls wait for the workbook.
  let app: App | undefined;
  let opened: (app: App) => void = () => undefined;
  const ready = new Promise<App>((resolve) => (opened = resolve));
  const open = () => {
    if (app) return;
    try {
      app = openApp();
    } catch (error) {
      failedStart(error);
    }
    opened(app);
  };
  // Uploaded import files live for this run only; a killed shell's are removed here.
  const uploadDir = early?.uploadDir ?? prepareUploadDir();
  const listen = (at: number) =>
    startWebServer({
      uploadDir,
      allowImportFile: (file) => app?.ctx.importer.allowFile(file),
      dispatch: (channel, input, call) => ready.then((a) => a.dispatch(channel, input, call)),
      token,
      port: at,
      staticDir: paths.rendererDir,
      locale: () => app?.ctx.locale() ?? toLocale(systemLocale),
      logger: consoleLogger,
      testClock,
      ready,
      onDemand: () => open(),
      ...(early ? { page: early.page } : {}),
    });
  // A port asked for is that port or an error; the usual one gives way to any free port.
  const server = await (early
    ? listen(early.page.port)
    : port === null
      ? startOnPreferredPort(DEFAULT_PORT, listen)
      : listen(port));
  void ready.then((a) => {
    // An encrypted first workbook waits for its password, asked for in the window.
    const awaiting = a.session.awaitingPassword();
    const workbook = awaiting ? `${awaiting.path}, encrypted: enter its password` : a.wb.file;
    consoleLogger.info(
      `open ${server.origin}/#token=${encodeURIComponent(token)}  (workbook: ${workbook})`,
    );
  });
  // The workbook is checkpointed and closed (one file again, its lock released) before exit.
  const stop = () => {
    void server
      .close()
      // A bulk edit's worker folding its WAL back: the close folds the rest into the one file.
      .then(() => app?.ctx.bulk.settled())
      .then(() => {
        app?.close();
        fs.rmSync(uploadDir, { recursive: true, force: true });
        process.exit(0);
      });
  };
  // Before the address is printed: whoever reads it may stop the shell at once, and a signal
  // with no listener yet would end the process without the clean-up.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (!early) consoleLogger.info(`listening on ${server.origin}`);
  // Nobody asked yet (a user still opening the browser): open it now all the same. After the
  // loader, the page has been asked for (or its wait is over) already: at once.
  setTimeout(open, early ? 0 : OPEN_AFTER_MS);
}

/** Ends the process with the reason the shell cannot start. */
function failedStart(error: unknown): never {
  consoleLogger.error(
    'kartoteka web shell could not start',
    startFailure(error, toLocale(systemLocaleTag())),
  );
  process.exit(1);
}

/**
 * Starts the shell (resolves once it listens), or ends the process with the reason when it
 * cannot start.
 */
export function startWebShell(
  argv: string[],
  bundleDir: string,
  early?: EarlyStart,
): Promise<void> {
  return runWebShell(argv, bundleDir, early).catch(failedStart);
}

if (require.main === module) void startWebShell(process.argv.slice(2), __dirname);
