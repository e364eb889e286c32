/**
 * `npm run bench -- generate --clients 100000 --out /tmp/bench.kartoteka [--seed 1]`: writes a
 * generated workbook to a file (replacing it) and says what it holds.
 */
import fs from 'node:fs';
import { bundledPaths } from '../electron/paths';
import { parseArgs, seconds } from './args';
import { generateWorkbook } from '../db/demo/generate';

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.out) throw new Error('--out <file> is required');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(args.out + suffix, { force: true });
  const result = generateWorkbook({
    file: args.out,
    migrationsDir: bundledPaths(__dirname).migrationsDir,
    clients: args.clients,
    seed: args.seed,
    onProgress: (done, total) => process.stderr.write(`\r${done} / ${total} clients`),
  });
  const size = fs.statSync(args.out).size / 1024 / 1024;
  process.stdout.write(
    `\n${result.file}: ${result.clients} clients, ${result.sales} sales, ${result.comments} comments, ` +
      `${result.changes} changes, ${result.fieldValues} custom values; ${size.toFixed(0)} MB; ` +
      `rows ${seconds(result.writeMs)}, search index ${seconds(result.indexMs)}\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
