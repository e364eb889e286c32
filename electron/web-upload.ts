/**
 * `POST /upload?name=<file name>`: the raw bytes of a file the user picked in the browser,
 * streamed to the shell's private upload folder. The stored file is registered with the import
 * service (only such files may be imported from the browser shell) and its path is returned
 * for `import.preview`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Envelope, Locale } from './api/contract';
import { translate } from './api/messages';
import { MAX_FILE_BYTES } from './services/import/source';
import { queryParam } from './web-request';

export interface UploadOptions {
  locale: () => Locale;
  uploadDir?: string | undefined;
  /** Tells the import service this file may be read. */
  allowImportFile: (file: string) => void;
}

export function receiveUpload(
  req: http.IncomingMessage,
  url: URL,
  options: UploadOptions,
  send: (status: number, body: Envelope<{ path: string }>) => void,
): void {
  const locale = options.locale();
  const refuse = (status: number, message: string) =>
    send(status, { ok: false, error: { code: 'invalid_input', message, field: 'path' } });
  const declared = Number(req.headers['content-length'] ?? 0);
  // An Excel workbook is read whole, so its size is capped; a CSV is read in chunks and may be
  // as large as the disk holds.
  const requested = queryParam(url.search, 'name');
  const capped = /\.xls[xm]?$/i.test(requested ?? '');
  const cap = capped ? MAX_FILE_BYTES : Number.POSITIVE_INFINITY;
  if (declared > cap) {
    return refuse(
      413,
      translate(locale, 'import_too_large', { size: declared, max: MAX_FILE_BYTES }),
    );
  }
  if (requested === null) return refuse(400, translate(locale, 'bad_request'));
  const dir = options.uploadDir ?? path.join(os.tmpdir(), 'kartoteka-uploads');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = path.basename(requested ?? 'upload.csv').replace(/[^\p{L}\p{N}._ -]/gu, '_');
  const file = path.join(
    dir,
    `${crypto.randomBytes(8).toString('hex')}-${name.slice(-120) || 'upload'}`,
  );
  const out = fs.createWriteStream(file, { mode: 0o600 });
  let size = 0;
  let failed = false;
  const fail = (status: number, message: string) => {
    if (failed) return;
    failed = true;
    out.destroy();
    fs.rm(file, { force: true }, () => undefined);
    refuse(status, message);
  };
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > cap) {
      fail(413, translate(locale, 'import_too_large', { size, max: MAX_FILE_BYTES }));
    }
  });
  req.on('error', (error) =>
    fail(400, translate(locale, 'import_upload_failed', { details: error.message })),
  );
  out.on('error', (error) =>
    fail(500, translate(locale, 'import_upload_failed', { details: error.message })),
  );
  out.on('finish', () => {
    if (failed) return;
    options.allowImportFile(file);
    send(200, { ok: true, data: { path: file } });
  });
  req.pipe(out);
}
