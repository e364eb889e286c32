/**
 * What happens to every workbook the session opens: its id is learned (and kept), its
 * integrity checked in the background when it was too large to be checked before it opened
 * (`checking` until then), and, once it is known to be sound and open for writing, its daily backup is taken if
 * due, then looked at again every hour while it stays open.
 */
import type { Logger } from '../../api/logger';
import type { Workbook } from '../../../db/workbook';
import type { Backups } from './backups';
import { isCorruption, type IntegrityChecker } from './integrity';
import type { WorkbookSession } from './session';

export const DAILY_CHECK_MS = 60 * 60 * 1000;

export interface GuardOptions {
  session: WorkbookSession;
  backups: Backups;
  checker: IntegrityChecker;
  logger: Logger;
  /** An import writes now: a daily backup would start over at each of its commits. */
  busy: () => boolean;
  /** Take daily backups (the benchmark measures without them). */
  daily: boolean;
  /** The hourly timer; tests pass none and call `tick()`. */
  every?: ((fn: () => void, ms: number) => () => void) | undefined;
  /**
   * When the check and the first daily backup of a workbook just opened may start: once the
   * window's first calls are answered (quiet-start.ts); at once without it.
   */
  later?: ((fn: () => void) => void) | undefined;
}

export class WorkbookGuard {
  private seen: Workbook | null = null;
  private stopTimer: (() => void) | null = null;
  /** The check or daily backup started last, for tests and for a clean stop. */
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: GuardOptions) {
    o.session.onChange((info) => {
      if (!info) return this.closed();
      const wb = o.session.wb;
      if (wb !== this.seen) this.opened(wb);
    });
  }

  /** The hourly look: takes the daily backup when it is due. */
  tick(): Promise<unknown> {
    if (!this.o.daily || !this.o.session.isOpen() || this.o.busy()) return Promise.resolve();
    const wb = this.o.session.wb;
    const run = this.o.backups.daily().catch((error: unknown) => {
      // The workbook closed under it (the program stopping): no backup this time, and nothing
      // else is lost; only a failure while it stays open is worth a line in the log.
      if (!this.o.session.isOpen() || this.o.session.wb !== wb) return;
      this.o.logger.error('the daily backup failed', error);
    });
    this.pending = run;
    return run;
  }

  /** Resolves when the last check and daily backup started are over. */
  async idle(): Promise<void> {
    await this.pending.catch(() => undefined);
    await this.o.backups.idle();
  }

  stop(): void {
    this.closed();
  }

  private opened(wb: Workbook): void {
    this.closed();
    this.seen = wb;
    const { session, backups, logger } = this.o;
    try {
      backups.idOf(wb);
    } catch (error) {
      if (isCorruption(error)) session.setIntegrity(wb, 'damaged');
      else logger.error('the workbook id could not be kept', error);
    }
    const later = this.o.later ?? ((fn: () => void) => fn());
    // The check and backup wait for the first screen; `idle()` waits for them meanwhile.
    this.pending = new Promise<unknown>((resolve) =>
      later(() => {
        if (this.seen !== wb) return resolve(null);
        resolve(this.checkAndBackUp(wb));
      }),
    );
  }

  private checkAndBackUp(wb: Workbook): Promise<unknown> {
    const { session, checker, logger } = this.o;
    const integrity = session.info().integrity;
    // Small workbooks were checked before they opened (opening.ts).
    if (integrity !== 'checking') {
      return integrity === 'ok' ? this.sound(wb) : Promise.resolve();
    }
    return checker.check(wb.file, wb.key).then(
      (verdict) => {
        session.setIntegrity(wb, verdict);
        return this.sound(wb);
      },
      (error: unknown) => {
        // Closed while it ran: the check was stopped with its workbook, nothing to say.
        if (this.seen !== wb) return undefined;
        // The check could not run (the file went away): nothing is known to be wrong.
        logger.error('the integrity check could not run', error);
        session.setIntegrity(wb, 'ok');
        return this.sound(wb);
      },
    );
  }

  /** Once the open workbook is known to be sound: its daily backup, now and every hour. */
  private sound(wb: Workbook): Promise<unknown> {
    const { session } = this.o;
    if (!session.isOpen() || session.wb !== wb || session.isDamaged()) return Promise.resolve();
    if (this.o.every && !this.stopTimer) {
      this.stopTimer = this.o.every(() => void this.tick(), DAILY_CHECK_MS);
    }
    return this.tick();
  }

  private closed(): void {
    this.seen = null;
    this.stopTimer?.();
    this.stopTimer = null;
    this.o.checker.stop();
  }
}
