/**
 * The workbook as a document: which file is open, opening, creating and copying workbooks, the
 * recent list, backups, and the password. Channel names and the fields the issue fixed are a
 * public contract; the rest is added beside them.
 */
import { z } from 'zod';

/** A path on this computer, as the user or a dialog gave it. */
const filePath = z
  .string()
  .max(4096)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { params: { key: 'required' } });

/** A password: any text of 1–1024 characters (spaces count). */
const password = z.string().min(1).max(1024);

export const workbookOpenInput = z
  .object({
    path: filePath,
    password: password.optional(),
    /** Open for reading only (offered when another program holds the workbook). */
    readOnly: z.boolean().optional(),
    /**
     * Work on a local copy and save back to this file (portable mode). By default chosen for
     * files on removable and network media.
     */
    portable: z.boolean().optional(),
  })
  .strict();

export const workbookCreateInput = z
  .object({ path: filePath, password: password.optional() })
  .strict();

export const workbookPathInput = z.object({ path: filePath }).strict();

export const workbookSaveCopyInput = z
  .object({
    path: filePath,
    /** Replace a file already at `path` (the user confirmed it). */
    overwrite: z.boolean().optional(),
  })
  .strict();

/**
 * Portable mode's save: the working copy written back to the file on the stick, or (`path`) to
 * another place, which is then where later saves go.
 */
export const workbookSaveInput = z
  .object({
    path: filePath.optional(),
    /** Replace a file already at `path` (the user confirmed it). */
    overwrite: z.boolean().optional(),
  })
  .strict();

export const workbookSetPasswordInput = z
  .object({
    /** The current password, when the workbook has one. */
    old: password.optional(),
    /** The new password; absent removes the password. */
    new: password.optional(),
  })
  .strict();

/** Who holds a workbook open for writing, from its lock file. */
export interface LockHolder {
  machine: string;
  user: string;
  /** ISO timestamp: since when. */
  since: string;
}

/** Portable mode: the workbook lives on a removable or network path; we work on a local copy. */
export interface PortableState {
  /** The file on the stick or share that saving writes back to. */
  source: string;
  /** The local working copy. */
  workingCopy: string;
  /** When the working copy was last written back (ISO), or null before the first save. */
  lastSavedAt: string | null;
  /** Changes since the last save back. */
  unsaved: boolean;
  /** Why the last save back failed (the stick was pulled out…), in the user's language. */
  saveError: string | null;
  /** A save back is running now. */
  saving: boolean;
  /** The file on the stick or share can be reached now. */
  sourceReachable: boolean;
  /**
   * What happened when it was opened, in the user's language: unsaved changes of an earlier
   * session found and used, or kept aside because the file on the stick changed elsewhere.
   */
  notice: string | null;
}

export interface WorkbookInfo {
  /** The file the user opened (for a portable workbook: the file on the stick). */
  path: string;
  /** The file name without `.kartoteka`: what the title bar and the rail show. */
  name: string;
  schemaVersion: number;
  sizeBytes: number;
  encrypted: boolean;
  readOnly: boolean;
  portable: boolean;
  /** Why it is read-only: the file or medium cannot be written, another program holds it, or it is damaged. */
  readOnlyReason: 'file' | 'locked' | 'damaged' | 'chosen' | null;
  /** Who holds it, when it was opened read-only because another program writes it. */
  lockedBy: LockHolder | null;
  /** Set for a portable workbook. */
  portableState: PortableState | null;
  /** The integrity check of the open workbook: running in the background, passed, or failed. */
  integrity: 'checking' | 'ok' | 'damaged';
}

export interface RecentWorkbook {
  path: string;
  name: string;
  /** ISO timestamp of the last time it was opened here. */
  openedAt: string;
  /** False when the file is no longer there (moved, or on a stick that is out). */
  exists: boolean;
  encrypted: boolean;
}

export interface WorkbookCopy {
  path: string;
  sizeBytes: number;
}

export type BackupKind = 'daily' | 'weekly' | 'manual' | 'before-migration' | 'before-restore';

export interface BackupInfo {
  path: string;
  kind: BackupKind;
  /** ISO timestamp. */
  createdAt: string;
  sizeBytes: number;
  /** Clients (not in the trash) in the backup. */
  clients: number;
  /**
   * Its integrity check, when it was run: `damaged` for a damaged workbook kept aside by a
   * restore (its clients could not be counted), `ok` for the backup `workbook.backups({
   * findGood })` found sound.
   */
  integrity?: 'ok' | 'damaged';
}

export interface RestoreResult {
  workbook: WorkbookInfo;
  /** Where the workbook as it was before the restore was kept. */
  keptAs: string;
}
