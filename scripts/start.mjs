// `npm start`: the desktop app when Electron's binary is installed; otherwise one line saying
// so and the browser shell instead. Arguments after `--` go to the browser shell.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron'); // the path of the binary, or a throw if it was never downloaded
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

const binary = electronBinary();
if (!binary) {
  console.info(
    "Electron's binary is not installed on this machine, so Kartoteka starts as the browser shell instead.",
  );
  run(process.execPath, [path.join(root, 'dist/main/web.cjs'), ...process.argv.slice(2)]);
} else {
  const built = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/native-electron.mjs'), '--if-missing'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(binary, [root]);
}
