/**
 * The sync kill test's child process (bundled with esbuild at test start, run under plain Node):
 * opens a workbook through the real `createApp`, says `start`, runs one `sync.now` through the
 * real dispatch and says `done`, unless the parent kills it first.
 */
import fs from 'node:fs';
import { createApp } from '../../electron/app';

interface Plan {
  workbook: string;
  migrationsDir: string;
  dataDir: string;
}

async function main(): Promise<void> {
  const plan = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Plan;
  const app = createApp({
    workbookPath: plan.workbook,
    migrationsDir: plan.migrationsDir,
    dataDir: plan.dataDir,
    shell: 'web',
    version: 'test',
    dailyBackups: false,
    syncEveryMs: 0,
    logger: { info: () => undefined, error: () => undefined },
  });
  fs.writeSync(1, 'start\n');
  const result = await app.dispatch('sync.now', undefined);
  app.close();
  fs.writeSync(1, `done ${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  fs.writeSync(2, `${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
