/**
 * Turning the bytes of a text file into text: which encoding the people's files really come in
 * (UTF-8 with or without a BOM, Windows-1251 from 1C and old Excel, UTF-16 from Excel's
 * "Unicode text"), and refusing what is not text at all or mixes encodings.
 */
import iconv from 'iconv-lite';
import { ImportFileError } from './errors';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1251' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  encoding: TextEncoding;
  text: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Buffer): DecodedText {
  if (bytes.length === 0) throw new ImportFileError('import_empty');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', text: strictUtf8(bytes.subarray(3)) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf-16le', text: checkText(iconv.decode(bytes.subarray(2), 'utf-16le')) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: 'utf-16be', text: checkText(iconv.decode(bytes.subarray(2), 'utf-16be')) };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, text: checkText(iconv.decode(bytes, utf16)) };
  if (looksBinary(bytes)) throw new ImportFileError('import_binary');
  if (!hasHighBytes(bytes)) return { encoding: 'utf-8', text: bytes.toString('latin1') };
  try {
    return { encoding: 'utf-8', text: utf8.decode(bytes) };
  } catch {
    // Not UTF-8. A file with some valid UTF-8 Cyrillic and some single-byte text was glued
    // together from two sources: decoding it either way would corrupt half of it.
    if (isMixed(bytes)) throw new ImportFileError('import_mixed_encoding');
    return { encoding: 'windows-1251', text: iconv.decode(bytes, 'win1251') };
  }
}

function strictUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ImportFileError('import_mixed_encoding');
  }
}

/** Excel's "Unicode text" without a BOM: every other byte of ASCII text is zero. */
function utf16WithoutBom(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** NUL bytes or many control characters in the first 64 KB: an image, an archive, a program. */
function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control += 1;
  }
  return control > n * 0.01;
}

function hasHighBytes(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i]! >= 0x80) return true;
  return false;
}

/**
 * True when a good share of the non-ASCII bytes form well-formed UTF-8 sequences. Windows-1251
 * text does that only by accident (an upper-case letter before «, Ё or №), a few in a thousand.
 */
function isMixed(bytes: Buffer): boolean {
  let high = 0;
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i]! >= 0x80) high += 1;
  const sequences = countUtf8Sequences(bytes);
  return sequences >= 3 && (sequences * 2) / high >= 0.2;
}

/** How many well-formed two- and three-byte UTF-8 sequences the bytes hold. */
function countUtf8Sequences(bytes: Buffer): number {
  let count = 0;
  for (let i = 0; i < bytes.length - 1; i += 1) {
    const b = bytes[i]!;
    const next = bytes[i + 1]!;
    if (b >= 0xc2 && b <= 0xdf && next >= 0x80 && next <= 0xbf) {
      count += 1;
      i += 1;
    } else if (b >= 0xe0 && b <= 0xef && next >= 0x80 && next <= 0xbf) {
      const third = bytes[i + 2] ?? 0;
      if (third >= 0x80 && third <= 0xbf) {
        count += 1;
        i += 2;
      }
    }
  }
  return count;
}

/** Decoded UTF-16 that is really something else shows up as replacement or control characters. */
function checkText(text: string): string {
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad += 1;
  }
  if (bad > n * 0.01) throw new ImportFileError('import_binary');
  return text;
}
