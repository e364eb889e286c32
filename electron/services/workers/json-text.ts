/**
 * An answer already written as JSON text, by the thread that computed it. A big answer (tens of
 * thousands of client rows) then crosses the worker boundary as one string instead of being
 * cloned object by object, and the browser shell sends that string as it is instead of
 * serializing the objects again; callers in the main process (Electron's IPC, tests) get it
 * parsed by the dispatch. `T` is the value the text holds.
 */
import type { Envelope } from '../../api/contract';

export class JsonText<T = unknown> {
  /** Only for the type: the value the text holds. */
  declare readonly value?: T;

  constructor(readonly text: string) {}

  static of<T>(value: T): JsonText<T> {
    // Every analytics answer is an object; `undefined` has no JSON text, so it is written as null.
    return new JsonText<T>(JSON.stringify(value) ?? 'null');
  }

  parse(): T {
    return JSON.parse(this.text) as T;
  }
}

/** The envelope as JSON: the same text as `JSON.stringify(envelope)`, an answer's text kept as is. */
export function envelopeJson(envelope: Envelope<unknown>): string {
  if (envelope.ok && envelope.data instanceof JsonText) {
    return `{"ok":true,"data":${envelope.data.text}}`;
  }
  return JSON.stringify(envelope);
}
