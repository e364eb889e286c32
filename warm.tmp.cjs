const { spawn } = require('node:child_process');
const { chromium } = require('@playwright/test');
const fs = require('node:fs');
const wbFile = process.argv[2] || '/tmp/start.kartoteka';
(async () => {
  fs.rmSync('/tmp/warm-profile', { recursive: true, force: true });
  const token = 'a'.repeat(32);
  const port = 47311;
  for (let run = 0; run < 4; run++) {
    const context = await chromium.launchPersistentContext('/tmp/warm-profile', { executablePath: '/usr/bin/chromium', locale: 'ru-RU', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
    await context.addInitScript(`sessionStorage.setItem('kartoteka.token', '${token}')`);
    const page = context.pages()[0] ?? await context.newPage();
    const t0 = performance.now();
    const ev = (name) => process.stdout.write(`${name} ${(performance.now() - t0).toFixed(0)}  `);
    const child = spawn(process.execPath, ['dist/main/web.cjs', '--workbook', wbFile, '--port', String(port), '--token', token, '--data-dir', '/tmp/start-data'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'ru_RU.UTF-8' } });
    const origin = await new Promise((res, rej) => { let out = ''; const on = (c) => { out += c; const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out); if (m) res(m[1]); }; child.stdout.on('data', on); child.stderr.on('data', on); child.on('exit', () => rej(new Error(out))); });
    ev('listening');
    await page.goto(`${origin}/#/clients`, { waitUntil: 'commit' });
    ev('commit');
    await page.locator('.table__row[role="row"]:not(.table__head)').first().waitFor();
    ev('first row');
    await page.getByRole('searchbox').fill('Петрова');
    await page.locator('[role="table"][aria-rowcount="1269"]').waitFor().catch(() => {});
    ev('typed');
    console.log();
    await context.close();
    await new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); });
  }
})();
