/**
 * An answer already written as JSON, by the thread that computed it, as UTF-8 bytes in a buffer
 * of their own. A big answer (tens of thousands of client rows) then crosses the worker boundary
 * by moving that buffer (no copy, no clone of objects or of a string), and the browser shell
 * writes the bytes to the socket as they are, without serializing or encoding anything on the
 * main thread; callers in the main process (Electron's IPC, tests) get it parsed by the
 * dispatch. `T` is the value the JSON holds.
 */
import type { Envelope } from '../../api/contract';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class JsonText<T = unknown> {
  /** Only for the type: the value the JSON holds. */
  declare readonly value?: T;

  constructor(readonly bytes: Uint8Array) {}

  static of<T>(value: T): JsonText<T> {
    // Every analytics answer is an object; `undefined` has no JSON text, so it is written as null.
    // `encode` gives a buffer of exactly these bytes, which the worker can hand over whole.
    return new JsonText<T>(encoder.encode(JSON.stringify(value) ?? 'null'));
  }

  /** True when the bytes are all of their buffer: it can be moved to another thread. */
  ownsBuffer(): boolean {
    return this.bytes.byteOffset === 0 && this.bytes.byteLength === this.bytes.buffer.byteLength;
  }

  parse(): T {
    return JSON.parse(decoder.decode(this.bytes)) as T;
  }
}

const OK_HEAD = encoder.encode('{"ok":true,"data":');
const OK_TAIL = encoder.encode('}');

/**
 * The envelope as UTF-8 JSON: the same bytes as `JSON.stringify(envelope)` would encode to, an
 * answer's bytes kept as they are.
 */
export function envelopeBytes(envelope: Envelope<unknown>): Buffer {
  if (envelope.ok && envelope.data instanceof JsonText) {
    return Buffer.concat([OK_HEAD, envelope.data.bytes, OK_TAIL]);
  }
  return Buffer.from(JSON.stringify(envelope));
}
