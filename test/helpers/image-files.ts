/** Reads the headers of the icon files the packaging test checks: PNG, ICO, ICNS. */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's size from its IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The images of an .ico: the size its directory claims (0 = 256) and the bytes it points at. */
export function icoEntries(bytes: Buffer): { size: number; png: Buffer }[] {
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an .ico');
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i;
    const width = bytes.readUInt8(at) || 256;
    const height = bytes.readUInt8(at + 1) || 256;
    if (width !== height) throw new Error(`.ico entry ${i} is not square`);
    const length = bytes.readUInt32LE(at + 8);
    const offset = bytes.readUInt32LE(at + 12);
    return { size: width, png: bytes.subarray(offset, offset + length) };
  });
}

/** The entries of an .icns: their four-letter type and data; its lengths must add up. */
export function icnsEntries(bytes: Buffer): { type: string; png: Buffer }[] {
  if (bytes.toString('ascii', 0, 4) !== 'icns' || bytes.readUInt32BE(4) !== bytes.length) {
    throw new Error('not an .icns');
  }
  const entries: { type: string; png: Buffer }[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at + 4);
    if (length < 8 || at + length > bytes.length) throw new Error('a broken .icns entry');
    entries.push({
      type: bytes.toString('ascii', at, at + 4),
      png: bytes.subarray(at + 8, at + length),
    });
    at += length;
  }
  return entries;
}
