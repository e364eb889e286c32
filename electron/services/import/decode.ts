/**
 * Turning the bytes of a text file into text: which encoding the people's files really come in
 * (UTF-8 with or without a BOM, Windows-1251 from 1C and old Excel, UTF-16 from Excel's
 * "Unicode text"), and refusing what is not text at all or mixes encodings. Files of any size
 * are read in blocks: the encoding is decided over the whole file without holding it, then the
 * text is decoded block by block.
 */
import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import { ImportFileError } from './errors';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1251' | 'utf-16le' | 'utf-16be';

/** Where the bytes come from: a file read block by block, or bytes already in memory. */
export interface ByteSource {
  size: number;
  /** Up to `length` bytes from `position` (fewer only at the end). */
  read(position: number, length: number): Buffer;
}

export const BLOCK_BYTES = 1 << 20;

export function* blocksOf(source: ByteSource, from = 0, block = BLOCK_BYTES): Generator<Buffer> {
  for (let at = from; at < source.size; at += block) {
    const bytes = source.read(at, Math.min(block, source.size - at));
    if (bytes.length === 0) return;
    yield bytes;
  }
}

export interface Encoding {
  encoding: TextEncoding;
  /** Bytes of the byte-order mark to skip. */
  skip: number;
}

export function detectEncoding(source: ByteSource): Encoding {
  if (source.size === 0) throw new ImportFileError('import_empty');
  const head = source.read(0, Math.min(source.size, 65536));
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8-bom', skip: 3 };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, skip: 0 };
  if (looksBinary(head)) throw new ImportFileError('import_binary');
  if (validUtf8(source)) return { encoding: 'utf-8', skip: 0 };
  // Not UTF-8. A file with some valid UTF-8 Cyrillic and some single-byte text was glued
  // together from two sources: decoding it either way would corrupt half of it.
  if (isMixed(source)) throw new ImportFileError('import_mixed_encoding');
  return { encoding: 'windows-1251', skip: 0 };
}

/** Plain ASCII, or well-formed UTF-8 from the first byte to the last. */
function validUtf8(source: ByteSource): boolean {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    for (const block of blocksOf(source)) {
      if (!isAscii(block)) utf8.decode(block, { stream: true });
    }
    utf8.decode();
    return true;
  } catch {
    return false;
  }
}

/** Decodes block after block; a block may end inside a character. */
export interface BlockDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

export function blockDecoder(encoding: TextEncoding): BlockDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const guard = (decode: () => string) => {
      try {
        return decode();
      } catch {
        throw new ImportFileError('import_mixed_encoding');
      }
    };
    return {
      write: (bytes) => guard(() => utf8.decode(bytes, { stream: true })),
      end: () => guard(() => utf8.decode()),
    };
  }
  const decoder = iconv.getDecoder(encoding === 'windows-1251' ? 'win1251' : encoding);
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

/** The text of bytes in memory (small files, tests). */
export function decodeText(bytes: Buffer): { encoding: TextEncoding; text: string } {
  const source = bufferSource(bytes);
  const { encoding, skip } = detectEncoding(source);
  const decoder = blockDecoder(encoding);
  const text = decoder.write(bytes.subarray(skip)) + decoder.end();
  return { encoding, text: encoding.startsWith('utf-16') ? checkText(text) : text };
}

export function bufferSource(bytes: Buffer): ByteSource {
  return { size: bytes.length, read: (at, length) => bytes.subarray(at, at + length) };
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

/**
 * True when a good share of the non-ASCII bytes form well-formed UTF-8 sequences. Windows-1251
 * text does that only by accident (an upper-case letter before «, Ё or №), a few in a thousand.
 */
function isMixed(source: ByteSource): boolean {
  let high = 0;
  let sequences = 0;
  // A sequence may straddle two blocks: the last two bytes wait for the next block.
  let carry = Buffer.alloc(0);
  for (const block of blocksOf(source)) {
    for (let i = 0; i < block.length; i += 1) if (block[i]! >= 0x80) high += 1;
    const bytes = carry.length > 0 ? Buffer.concat([carry, block]) : block;
    const counted = countUtf8Sequences(bytes, bytes.length - 2);
    sequences += counted.count;
    carry = Buffer.from(bytes.subarray(counted.next));
  }
  sequences += countUtf8Sequences(carry, carry.length).count;
  return sequences >= 3 && (sequences * 2) / high >= 0.2;
}

/** How many well-formed two- and three-byte UTF-8 sequences start before `end`. */
function countUtf8Sequences(bytes: Buffer, end: number): { count: number; next: number } {
  let count = 0;
  let i = 0;
  for (; i < Math.min(end, bytes.length - 1); i += 1) {
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
  return { count, next: Math.min(i, bytes.length) };
}

/** Decoded UTF-16 that is really something else shows up as replacement or control characters. */
export function checkText(text: string): string {
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad += 1;
  }
  if (bad > n * 0.01) throw new ImportFileError('import_binary');
  return text;
}
