// Builds better-sqlite3 for Electron's ABI into native/electron-<version>-<arch>/, leaving the
// Node build in node_modules untouched, so `npm test` (Node) and `npm start` (Electron) both
// work from one checkout in either order. electron/main.ts loads this file via `nativeBinding`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const arch = process.env.npm_config_arch || os.arch();
const target = path.join(
  root,
  'native',
  `electron-${electronVersion}-${arch}`,
  'better_sqlite3.node',
);

if (process.argv.includes('--if-missing') && fs.existsSync(target)) process.exit(0);
try {
  require('electron');
} catch {
  console.error(
    "Electron's binary is not installed, so there is nothing to build better-sqlite3 for. The browser shell (npm run web) needs only the Node build.",
  );
  process.exit(1);
}

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
fs.mkdirSync(path.join(root, 'native'), { recursive: true });
const work = fs.mkdtempSync(path.join(root, 'native', '.build-'));
fs.mkdirSync(path.dirname(target), { recursive: true });
try {
  fs.cpSync(source, path.join(work, 'better-sqlite3'), {
    recursive: true,
    filter: (p) => !p.includes(`${path.sep}build${path.sep}`),
  });
  const env = {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_arch: arch,
    npm_config_target_arch: arch,
  };
  console.info(`Building better-sqlite3 for Electron ${electronVersion} (${arch})…`);
  // The package's own install script: a prebuilt binary when one exists, else a source build.
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'install'], {
    cwd: path.join(work, 'better-sqlite3'),
    env,
    stdio: 'inherit',
  });
  fs.copyFileSync(
    path.join(work, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    target,
  );
  // electron-builder ships this one as resources/native/better_sqlite3.node.
  fs.mkdirSync(path.join(root, 'native', 'current'), { recursive: true });
  fs.copyFileSync(target, path.join(root, 'native', 'current', 'better_sqlite3.node'));
  console.info(`Built ${path.relative(root, target)}`);
} catch (error) {
  console.error(
    `Could not build better-sqlite3 for Electron ${electronVersion}: ${error instanceof Error ? error.message : error}. ` +
      'The desktop app needs it; the browser shell (npm run web) does not.',
  );
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
