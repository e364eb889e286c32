/**
 * Workbooks the system asks the program to open (a double-click, the Dock, a second launch)
 * before it can: macOS sends `open-file` before the app is ready. The request waits until the
 * window is there; when several came meanwhile, the last wins (one window shows one workbook).
 */
export class OpenRequests {
  private pending: string | null = null;
  private handler: ((file: string) => void) | null = null;

  request(file: string): void {
    if (this.handler) this.handler(file);
    else this.pending = file;
  }

  /** From now on requests go to `handler`; a waiting one goes at once. */
  ready(handler: (file: string) => void): void {
    this.handler = handler;
    const waiting = this.pending;
    this.pending = null;
    if (waiting !== null) handler(waiting);
  }
}
