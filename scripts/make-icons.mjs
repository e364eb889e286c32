// Every icon of the program from ONE source, assets/icon.svg: `node scripts/make-icons.mjs`.
// Chromium (Debian's, driven by Playwright, as in the e2e tests) renders the SVG at each size;
// the .ico and .icns are containers of those PNGs, written here byte by byte (both formats
// accept PNG entries: Windows Vista+, macOS 10.7+). Run it after changing icon.svg and commit
// the results: packaging machines need not have Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

/** Windows: the sizes Explorer, the taskbar and the installer ask for. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** macOS: the PNG entry types of an .icns (the @2x ones reuse the larger renderings). */
const ICNS_TYPES = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
];

/** Linux: assets/icons/<n>x<n>.png, the hicolor theme sizes of the AppImage and the deb. */
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

const PNG_SIZES = [...new Set([...ICO_SIZES, ...ICNS_TYPES.map((t) => t.size), ...LINUX_SIZES])];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assets = path.join(root, 'assets');
const svg = fs.readFileSync(path.join(assets, 'icon.svg'), 'utf8');

async function renderAll(sizes) {
  const browser = await chromium.launch({
    executablePath: process.env.KARTOTEKA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const pngs = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${sized}</body></html>`,
      );
      pngs.set(
        size,
        await page.screenshot({
          omitBackground: true,
          clip: { x: 0, y: 0, width: size, height: size },
        }),
      );
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** ICONDIR, one ICONDIRENTRY per image (0 stands for 256), then the PNGs. */
function ico(pngs, sizes) {
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const data = pngs.get(size);
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...sizes.map((s) => pngs.get(s))]);
}

/** 'icns' + total length, then per entry its type, its length (with the 8-byte head), the PNG. */
function icns(pngs) {
  const entries = ICNS_TYPES.map(({ type, size }) => {
    const data = pngs.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

const pngs = await renderAll(PNG_SIZES);
const linux = path.join(assets, 'icons');
fs.rmSync(linux, { recursive: true, force: true });
fs.mkdirSync(linux);
for (const size of LINUX_SIZES)
  fs.writeFileSync(path.join(linux, `${size}x${size}.png`), pngs.get(size));
fs.writeFileSync(path.join(assets, 'icon.png'), pngs.get(1024));
fs.writeFileSync(path.join(assets, 'icon.ico'), ico(pngs, ICO_SIZES));
fs.writeFileSync(path.join(assets, 'icon.icns'), icns(pngs));
console.log(`icons written to ${path.relative(root, assets)}/ from icon.svg`);
