/**
 * What the desktop app does when the user opens, creates or copies a workbook from the menu, a
 * double-click or the Dock: the channels through the one dispatch, then the window shows the
 * new workbook, or a native message box says what went wrong in the user's language. A workbook
 * another program holds is offered read-only. Electron stays behind `DesktopUi` (main.ts).
 */
import path from 'node:path';
import type { Envelope, Locale, PickedFile, WorkbookPickMode } from '../api/contract';
import type { Dispatch } from '../api/dispatch';
import { translate, type MessageKey } from '../api/messages';

/** Shaped like Electron's `MessageBoxOptions`. */
export interface MessageBox {
  type: 'error' | 'info' | 'question';
  title: string;
  message: string;
  detail?: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}

export interface DesktopUi {
  /** A native message box; resolves to the index of the button pressed. */
  showMessage(box: MessageBox): Promise<number>;
  /** Another workbook is open: show it from its start screen. */
  showWorkbook(): void;
  /** Brings the window to the front. */
  focus(): void;
  /** Shows the file in the system's file manager. */
  showInFolder(file: string): void;
}

export interface WorkbookActionsDeps {
  dispatch: Dispatch;
  ui: DesktopUi;
  /** The language of the message boxes: the workbook's. */
  locale(): Locale;
  /** The open workbook's file: asking for it again only brings the window forward. */
  currentPath(): Promise<string | null>;
  version: string;
  /**
   * Asks for the password of an encrypted workbook; null when the user gives up. Until the
   * password prompt exists, the message saying a password is needed is shown instead.
   */
  askPassword?: (file: string, message: string) => Promise<string | null>;
  /** Windows and macOS file names ignore case. */
  caseInsensitivePaths?: boolean;
}

export type Outcome = 'opened' | 'created' | 'copied' | 'cancelled' | 'failed' | 'unchanged';

interface OpenInput {
  path: string;
  readOnly?: boolean;
  password?: string;
}

const FAILED: Record<WorkbookPickMode, MessageKey> = {
  open: 'open_failed',
  create: 'create_failed',
  saveCopy: 'copy_failed',
};

export class WorkbookActions {
  /** One dialog at a time: requests (a double-click during a dialog) wait their turn. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: WorkbookActionsDeps) {}

  /** File → Open…: the dialog, then the workbook chosen. */
  open(): Promise<Outcome> {
    return this.serial(async () => {
      const picked = await this.pick('open');
      return typeof picked === 'string' ? picked : this.openFile(picked.file);
    });
  }

  /** A workbook named by a double-click, the Dock, the command line or the recent list. */
  openPath(file: string): Promise<Outcome> {
    return this.serial(() => this.openFile(file));
  }

  /** File → New Workbook…: the file's name and place, then an empty workbook there. */
  create(): Promise<Outcome> {
    return this.serial(async () => {
      const picked = await this.pick('create');
      if (typeof picked === 'string') return picked;
      const file = picked.file;
      const result = await this.deps.dispatch('workbook.create', { path: file });
      if (!result.ok) return this.fail('create', result.error.message);
      this.deps.ui.showWorkbook();
      return 'created';
    });
  }

  /** File → Save a Copy As…: a complete copy while the workbook stays open. */
  saveCopy(): Promise<Outcome> {
    return this.serial(async () => {
      const picked = await this.pick('saveCopy');
      if (typeof picked === 'string') return picked;
      const file = picked.file;
      const result = await this.deps.dispatch('workbook.saveCopy', { path: file });
      if (!result.ok) return this.fail('saveCopy', result.error.message);
      const saved = (result.data as { path?: string } | null)?.path ?? file;
      const button = await this.box({
        type: 'info',
        message: this.t('copy_saved'),
        detail: saved,
        buttons: [this.t('button_ok'), this.t('button_show_in_folder')],
        defaultId: 0,
        cancelId: 0,
      });
      if (button === 1) this.deps.ui.showInFolder(saved);
      return 'copied';
    });
  }

  /** Help → About: the version and the open workbook. */
  async about(): Promise<void> {
    const current = await this.deps.currentPath();
    const detail = [
      this.t('about_detail'),
      ...(current ? [this.t('about_workbook', { path: current })] : []),
    ].join('\n');
    await this.box({
      type: 'info',
      message: this.t('about_message', { version: this.deps.version }),
      detail,
      buttons: [this.t('button_ok')],
      defaultId: 0,
      cancelId: 0,
    });
  }

  private async openFile(file: string): Promise<Outcome> {
    if (await this.isCurrent(file)) {
      this.deps.ui.focus();
      return 'unchanged';
    }
    let input: OpenInput = { path: file };
    for (;;) {
      const result: Envelope<unknown> = await this.deps.dispatch('workbook.open', input);
      if (result.ok) {
        this.deps.ui.showWorkbook();
        return 'opened';
      }
      const { code, message } = result.error;
      if (code === 'locked' && !input.readOnly) {
        const button = await this.box({
          type: 'question',
          message,
          detail: this.t('locked_read_only'),
          buttons: [this.t('button_open_read_only'), this.t('button_cancel')],
          defaultId: 0,
          cancelId: 1,
        });
        if (button !== 0) return 'cancelled';
        input = { ...input, readOnly: true };
        continue;
      }
      if ((code === 'password_required' || code === 'wrong_password') && this.deps.askPassword) {
        const password = await this.deps.askPassword(file, message);
        if (password === null) return 'cancelled';
        input = { ...input, password };
        continue;
      }
      return this.fail('open', message);
    }
  }

  /** The native dialog through `workbook.pickFile`: the file, or why there is none. */
  private async pick(mode: WorkbookPickMode): Promise<{ file: string } | 'cancelled' | 'failed'> {
    const result = await this.deps.dispatch('workbook.pickFile', { mode });
    if (!result.ok) return this.fail(mode, result.error.message);
    const file = (result.data as PickedFile).path;
    return file === null ? 'cancelled' : { file };
  }

  private async fail(mode: WorkbookPickMode, detail: string): Promise<'failed'> {
    await this.box({
      type: 'error',
      message: this.t(FAILED[mode]),
      detail,
      buttons: [this.t('button_ok')],
      defaultId: 0,
      cancelId: 0,
    });
    return 'failed';
  }

  private async isCurrent(file: string): Promise<boolean> {
    const current = await this.deps.currentPath();
    if (current === null) return false;
    const norm = (p: string) =>
      this.deps.caseInsensitivePaths ? path.resolve(p).toLowerCase() : path.resolve(p);
    return norm(current) === norm(file);
  }

  private box(box: Omit<MessageBox, 'title'>): Promise<number> {
    return this.deps.ui.showMessage({ title: this.t('app_name'), ...box });
  }

  private t(key: MessageKey, params?: Record<string, string>): string {
    return translate(this.deps.locale(), key, params);
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
