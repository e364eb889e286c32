/**
 * The packaging config as electron-builder itself reads it (its own loader and its own schema
 * check): every target a user downloads, every fuse, and every file the config points at — the
 * icons exist, are what their names say and have the sizes each system asks for.
 * `npm run dist` cannot run here (Electron's binary cannot be downloaded), so this is what
 * stands between a typo in electron-builder.yml and a broken release.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { icnsEntries, icoEntries, pngSize } from '../helpers/image-files';

const ROOT = path.resolve(__dirname, '../..');
const ASSETS = path.join(ROOT, 'assets');

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, options: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: { isEnabled: boolean }): Promise<void>;
}

/** electron-builder's own loader, found through electron-builder (it is its dependency). */
function builderConfigModule(): ConfigModule {
  const fromBuilder = createRequire(createRequire(__filename).resolve('electron-builder'));
  return fromBuilder('app-builder-lib/out/util/config/config') as ConfigModule;
}

let config: Configuration;

beforeAll(async () => {
  const loader = builderConfigModule();
  config = await loader.getConfig(ROOT, null, null);
  // Throws on any key or value the installed electron-builder does not accept.
  await loader.validateConfiguration(config, { isEnabled: false });
}, 60_000);

function targetsOf(platform: 'win' | 'mac' | 'linux'): string[] {
  const target = config[platform]?.target;
  const list = Array.isArray(target) ? target : target ? [target] : [];
  return list.map((t) => (typeof t === 'string' ? t : t.target));
}

describe('what a user downloads', () => {
  it('Windows: an installer and a portable .exe for a stick, apart by name', () => {
    expect(targetsOf('win')).toEqual(['nsis', 'portable']);
    expect(config.nsis?.artifactName).toContain('Setup');
    expect(config.portable?.artifactName).toContain('Portable');
    // A per-user install the user may place: no administrator needed.
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });

  it('macOS a dmg, Linux an AppImage and a deb', () => {
    expect(targetsOf('mac')).toEqual(['dmg']);
    expect(targetsOf('linux')).toEqual(['AppImage', 'deb']);
    expect(config.linux?.maintainer).toBeTruthy();
  });

  it('a .kartoteka file opens in the program', () => {
    const associations = config.fileAssociations;
    const list = Array.isArray(associations) ? associations : associations ? [associations] : [];
    expect(list).toEqual([
      expect.objectContaining({
        ext: 'kartoteka',
        mimeType: 'application/x-kartoteka-workbook',
        role: 'Editor',
      }),
    ]);
  });

  it('`npm run dist` builds, builds the native module for Electron, then packages', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      main: string;
    };
    expect(pkg.scripts['dist']).toBe(
      'npm run build && npm run native:electron && electron-builder',
    );
    expect(pkg.main).toBe('dist/main/main.cjs');
    // The loader turns the list into file sets: [{ filter: [...] }].
    const files = JSON.stringify(config.files);
    expect(files).toContain('"dist/main/**"');
    expect(files).toContain('"dist/renderer/**"');
    expect(files).toContain('"db/migrations/**"');
  });

  it('every worker thread is unpacked beside the archive (it cannot read inside it)', () => {
    const build = fs.readFileSync(path.join(ROOT, 'scripts/build-main.mjs'), 'utf8');
    const workers = [...build.matchAll(/'([a-z]+-worker)':/g)].map((m) => m[1]);
    expect(workers.length).toBeGreaterThanOrEqual(4);
    for (const worker of workers) expect(config.asarUnpack).toContain(`dist/main/${worker}.cjs`);
  });
});

describe('Electron fuses', () => {
  it('are all set: no Node from outside, encrypted cookies, only the checked archive', () => {
    expect(config.asar).not.toBe(false);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('icons, all from assets/icon.svg', () => {
  const file = (relative: string | null | undefined): string => {
    expect(relative, 'an icon path in electron-builder.yml').toBeTruthy();
    return path.join(ROOT, relative ?? '');
  };

  it('assets/ holds the one source and only what scripts/make-icons.mjs makes from it', () => {
    const script = fs.readFileSync(path.join(ROOT, 'scripts/make-icons.mjs'), 'utf8');
    expect(script).toContain("'icon.svg'");
    const svg = fs.readFileSync(path.join(ASSETS, 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
    expect(fs.readdirSync(ASSETS).sort()).toEqual([
      'icon.icns',
      'icon.ico',
      'icon.png',
      'icon.svg',
      'icons',
    ]);
  });

  it('the app icon: a 1024 px PNG', () => {
    expect(pngSize(fs.readFileSync(file(config.icon)))).toEqual({ width: 1024, height: 1024 });
  });

  it('Windows: an .ico of PNGs from 16 to 256 px', () => {
    const icon = file(config.win?.icon);
    expect(icon.endsWith('.ico')).toBe(true);
    const entries = icoEntries(fs.readFileSync(icon));
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const entry of entries) {
      expect(pngSize(entry.png)).toEqual({ width: entry.size, height: entry.size });
    }
  });

  it('macOS: an .icns with every size up to 1024 px', () => {
    const icon = file(config.mac?.icon);
    expect(icon.endsWith('.icns')).toBe(true);
    const entries = icnsEntries(fs.readFileSync(icon));
    const expected: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
    };
    expect(entries.map((e) => e.type)).toEqual(Object.keys(expected));
    for (const entry of entries) {
      const side = expected[entry.type] ?? 0;
      expect(pngSize(entry.png)).toEqual({ width: side, height: side });
    }
  });

  it('Linux: a folder of <n>x<n>.png, each that size', () => {
    const dir = file(config.linux?.icon);
    const names = fs.readdirSync(dir);
    const sides = names.map((name) => Number(/^(\d+)x\1\.png$/.exec(name)?.[1]));
    expect(sides.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    for (const name of names) {
      const side = Number(name.split('x')[0]);
      expect(pngSize(fs.readFileSync(path.join(dir, name)))).toEqual({
        width: side,
        height: side,
      });
    }
  });
});
