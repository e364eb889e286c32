/**
 * The hub's password, kept outside the workbook (a copy of the workbook must not carry it). The
 * desktop app encrypts it with Electron's `safeStorage` (the OS keychain's key); the browser shell
 * keeps it in a file only its user may read (0600), or takes it from `KARTOTEKA_SYNC_PASSWORD`.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string | null): void;
}

export interface Cipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/** A JSON file of secrets by name, written atomically with mode 0600; sealed by `cipher` when given. */
export class FileSecretStore implements SecretStore {
  constructor(
    private readonly file: string,
    private readonly cipher: Cipher | null = null,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  get(name: string): string | null {
    const fromEnv = this.env['KARTOTEKA_SYNC_PASSWORD'];
    if (fromEnv) return fromEnv;
    const stored = this.read()[name];
    if (stored === undefined) return null;
    return this.cipher ? this.cipher.decrypt(Buffer.from(stored, 'base64')) : stored;
  }

  set(name: string, value: string | null): void {
    const all = this.read();
    if (value === null) delete all[name];
    else all[name] = this.cipher ? this.cipher.encrypt(value).toString('base64') : value;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, this.file);
  }

  private read(): Record<string, string> {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }
}

/** The URL without its password, and the password. */
export function splitPassword(url: URL): { hub: string; password: string | null } {
  const password = url.password ? decodeURIComponent(url.password) : null;
  const bare = new URL(url.toString());
  bare.password = '';
  return { hub: bare.toString(), password };
}

export function withPassword(hub: string, password: string | null): string {
  if (!password) return hub;
  const url = new URL(hub);
  url.password = encodeURIComponent(password);
  return url.toString();
}
