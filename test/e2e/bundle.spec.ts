/**
 * The renderer takes only types and plain lists from the contract: its bundle, as built by
 * `npm run build`, holds no validation code. Read from the build's source maps, which name every
 * module that went into each chunk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** The contract's modules with no validation code in them (type-only imports at most). */
const PLAIN = new Set(['enums.ts', 'channel-meta.ts', 'campaign-enums.ts']);
const ASSETS = path.resolve(import.meta.dirname, '../../dist/renderer/assets');

function bundledModules(): string[] {
  const maps = fs.readdirSync(ASSETS).filter((f) => f.endsWith('.js.map'));
  return maps.flatMap((map) => {
    const { sources } = JSON.parse(fs.readFileSync(path.join(ASSETS, map), 'utf8')) as {
      sources: string[];
    };
    return sources.map((s) => path.resolve(ASSETS, s).split(path.sep).join('/'));
  });
}

test('the renderer bundle has no zod and no contract validators', () => {
  const modules = bundledModules();
  // The maps do list the bundle: the app's entry and the contract's plain lists are in it.
  expect(modules.some((m) => m.endsWith('/renderer/src/main.tsx'))).toBe(true);
  expect(modules.some((m) => m.endsWith('/electron/api/contract/enums.ts'))).toBe(true);
  expect(modules.filter((m) => m.includes('/node_modules/zod/'))).toEqual([]);
  // From the contract only the modules without validation code.
  const contract = modules.filter((m) => m.includes('/electron/api/contract/'));
  expect(contract.filter((m) => !PLAIN.has(path.basename(m)))).toEqual([]);
});

test('the first screen loads only what it shows: charts, analytics and the import wizard come later', () => {
  const html = fs.readFileSync(path.join(ASSETS, '..', 'index.html'), 'utf8');
  const entry = /assets\/(index-[\w-]+\.js)/.exec(html)?.[1];
  expect(entry).toBeDefined();
  const { sources } = JSON.parse(fs.readFileSync(path.join(ASSETS, `${entry}.map`), 'utf8')) as {
    sources: string[];
  };
  const modules = sources.map((s) => path.resolve(ASSETS, s).split(path.sep).join('/'));
  expect(modules.some((m) => m.endsWith('/renderer/src/main.tsx'))).toBe(true);
  const heavy = modules.filter(
    (m) =>
      m.includes('/node_modules/chart.js/') ||
      m.includes('/renderer/src/features/analytics/') ||
      m.includes('/renderer/src/features/import/') ||
      m.includes('/renderer/src/features/growth/'),
  );
  expect(heavy).toEqual([]);
});

test('the start asks for its data before React and the translations have run', () => {
  const html = fs.readFileSync(path.join(ASSETS, '..', 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script( type="module")?[^>]*src="\.\/assets\/([\w-]+\.js)"/g),
  ];
  // A plain script first, run as the parser meets it (a module script waits for the whole page),
  // after the security policy, which covers it; then the main bundle's module.
  expect(scripts.map((m) => [m[2]!.split('-')[0], Boolean(m[1])])).toEqual([
    ['early', false],
    ['index', true],
  ]);
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf(scripts[0]![0]));
  // Nothing to import: one function of a few kilobytes, the transport and the first calls in it.
  const early = fs.readFileSync(path.join(ASSETS, scripts[0]![2]!), 'utf8');
  expect(early.length).toBeLessThan(8000);
  expect(early).not.toMatch(/\bimport\b|\bexport\b/);
  expect(early).toContain('/api/');
  // The chunks it preloads for the client list are the ones the build made for it.
  const list = fs.readdirSync(ASSETS).find((f) => /^ClientsPage-[\w-]+\.js$/.test(f));
  expect(early).toContain(`./assets/${list}`);
  for (const [, file] of early.matchAll(/\.\/assets\/([\w-]+\.(?:js|css))/g)) {
    expect(fs.existsSync(path.join(ASSETS, file!))).toBe(true);
  }
});

test('the client list loads its date boxes (the calendar, date parsing) only when one is shown', () => {
  const list = fs.readdirSync(ASSETS).find((f) => /^ClientsPage-[\w-]+\.js$/.test(f));
  expect(list).toBeDefined();
  // Every chunk the list's chunk imports statically, and those they import.
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(ASSETS, file), 'utf8');
    for (const m of code.matchAll(/from"\.\/([\w-]+\.js)"/g)) visit(m[1]!);
  };
  visit(list!);
  // Every chunk but rolldown's runtime helpers (no source of ours, no map) names its modules.
  const mapped = [...seen].filter((file) => !file.startsWith('rolldown-runtime-'));
  const modules = mapped.flatMap((file) => {
    const { sources } = JSON.parse(fs.readFileSync(path.join(ASSETS, `${file}.map`), 'utf8')) as {
      sources: string[];
    };
    return sources.map((s) => path.resolve(ASSETS, s).split(path.sep).join('/'));
  });
  expect(modules.some((m) => m.endsWith('/features/clients/ClientsPage.tsx'))).toBe(true);
  expect(
    modules.filter(
      (m) =>
        m.includes('/node_modules/react-day-picker/') ||
        m.endsWith('/lib/DateInput.tsx') ||
        m.endsWith('/lib/typed-dates.ts'),
    ),
  ).toEqual([]);
});
