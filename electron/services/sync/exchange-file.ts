/**
 * Exchange files: the changes a partner has not seen, for devices that never share a network
 * (the way 1C's distributed databases trade messages with field agents). A gzip'd JSON document:
 * who wrote it, for which workbook, what its writer holds (so the partner's next file leaves that
 * out), device names, and the changes. It is read as untrusted input: checked whole before
 * anything is applied.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { z } from 'zod';
import type { LogChange } from '../../../db/queries/sync-log';
import { AppError } from '../../api/errors';

export const EXCHANGE_FORMAT = 'kartoteka-changes';

const change = z.tuple([
  z.string().uuid(),
  z.string().min(1).max(64),
  z.string().min(1).max(64),
  z.string().min(1).max(1000),
  z.string().min(1).max(100),
  z.string().nullable(),
  z.string().max(64).nullable(),
  z.string().max(1000).nullable(),
]);

const exchangeFile = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.literal(1),
  workbookId: z.string().uuid(),
  from: z.object({ id: z.string().uuid(), name: z.string().max(200) }),
  /** What the writer holds: the newest clock per device. */
  seen: z.record(z.string(), z.string()),
  devices: z.record(z.string(), z.string()),
  writtenAt: z.string(),
  changes: z.array(change),
});

export type ExchangeFile = Omit<z.infer<typeof exchangeFile>, 'changes'> & {
  changes: LogChange[];
};

export function writeExchangeFile(file: string, content: ExchangeFile): void {
  const json = JSON.stringify({
    ...content,
    changes: content.changes.map((c) => [
      c.deviceId,
      c.hlc,
      c.entity,
      c.rowId,
      c.field,
      c.value,
      c.base,
      c.actor,
    ]),
  });
  const folder = path.dirname(file);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new AppError('not_found', 'workbook_folder_missing', { folder }, 'path');
  }
  const temp = path.join(
    folder,
    `.${path.basename(file)}.${crypto.randomBytes(4).toString('hex')}`,
  );
  try {
    fs.writeFileSync(temp, zlib.gzipSync(json));
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

export function readExchangeFile(file: string): ExchangeFile {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch {
    throw new AppError('not_found', 'exchange_missing', { path: file }, 'path');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(zlib.gunzipSync(raw).toString('utf8'));
  } catch {
    throw new AppError('invalid_input', 'exchange_not_a_file', { path: file }, 'path');
  }
  const result = exchangeFile.safeParse(parsed);
  if (!result.success) {
    throw new AppError('invalid_input', 'exchange_not_a_file', { path: file }, 'path');
  }
  const content = result.data;
  return {
    ...content,
    changes: content.changes.map(([deviceId, hlc, entity, rowId, field, value, base, actor]) => ({
      deviceId,
      hlc,
      entity,
      rowId,
      field,
      value,
      base,
      actor,
    })),
  };
}
