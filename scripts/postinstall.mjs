// Fetches Electron's binary for the desktop app, tolerating machines that cannot download it
// (Electron's own install step is disabled in allowScripts because its failure would fail the
// whole `npm install`). Without the binary, `npm start` opens the browser shell instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);
let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0); // electron is a dev dependency; a production install has none
}
const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'] });
if (result.status !== 0) {
  console.info(
    "Electron's binary could not be downloaded on this machine; `npm start` will open the browser shell instead (the tests do not need Electron).",
  );
}
