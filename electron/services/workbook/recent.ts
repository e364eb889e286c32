/**
 * The recent workbooks of this user on this computer: `recent.json` in the data folder, newest
 * first. It is a convenience: a missing or broken file is an empty list, never an error.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentWorkbook } from '../../api/contract';
import { workbookName } from './names';

/** How many workbooks the list keeps. */
export const RECENT_LIMIT = 10;

const stored = z.object({
  version: z.literal(1),
  items: z.array(
    z.object({
      path: z.string(),
      openedAt: z.string(),
      encrypted: z.boolean().default(false),
    }),
  ),
});
type Stored = z.infer<typeof stored>;

export class RecentList {
  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  private get file(): string {
    return path.join(this.dataDir, 'recent.json');
  }

  list(): RecentWorkbook[] {
    return this.read().items.map((item) => ({
      path: item.path,
      name: workbookName(item.path),
      openedAt: item.openedAt,
      exists: fs.existsSync(item.path),
      encrypted: item.encrypted,
    }));
  }

  /** Puts `file` at the top (opened just now). */
  add(file: string, options: { encrypted?: boolean } = {}): void {
    const items = this.read().items.filter((item) => !samePath(item.path, file));
    items.unshift({
      path: file,
      openedAt: this.now().toISOString(),
      encrypted: options.encrypted ?? false,
    });
    this.write({ version: 1, items: items.slice(0, RECENT_LIMIT) });
  }

  private read(): Stored {
    try {
      const parsed = stored.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : { version: 1, items: [] };
    } catch {
      return { version: 1, items: [] };
    }
  }

  /** Written whole under another name and renamed, so a crash never leaves half a list. */
  private write(list: Stored): void {
    fs.mkdirSync(this.dataDir, { recursive: true });
    const temp = `${this.file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.writeFileSync(temp, JSON.stringify(list, null, 2));
      fs.renameSync(temp, this.file);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
}

/** The same file, also where the system ignores the case of names (Windows, macOS). */
export function samePath(a: string, b: string): boolean {
  const norm = (p: string) => {
    const resolved = path.resolve(p);
    return process.platform === 'win32' || process.platform === 'darwin'
      ? resolved.toLowerCase()
      : resolved;
  };
  return norm(a) === norm(b);
}
