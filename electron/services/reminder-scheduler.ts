/**
 * Shows due reminders as desktop notifications. Plain Node behind three small adapters (a
 * timer, the source of reminders, the notifier), so it is tested with a fake clock and never
 * with real waiting. At start it reports what came due while the program was closed.
 */
export interface Timer {
  now: () => Date;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface DueReminder {
  id: string;
  clientId: string;
  clientName: string;
  title: string;
  /** The moment it is due (snooze applied). */
  at: Date;
}

export interface ReminderSource {
  /** Open reminders due in (from, to]. */
  dueBetween: (from: Date, to: Date) => DueReminder[];
  /** The earliest due moment after `after`, or null. */
  nextDueAfter: (after: Date) => Date | null;
}

export interface Notifier {
  /** `missed`: these came due while the program was closed. */
  notify: (items: DueReminder[], missed: boolean) => void;
}

export interface CheckpointStore {
  read: () => Date | null;
  write: (at: Date) => void;
}

/** Timers longer than this are split (setTimeout overflows past ~24.8 days; clocks drift). */
const MAX_WAIT_MS = 60 * 60 * 1000;

export class ReminderScheduler {
  private handle: unknown = null;
  private checkpoint: Date;

  constructor(
    private readonly timer: Timer,
    private readonly source: ReminderSource,
    private readonly notifier: Notifier,
    private readonly store: CheckpointStore,
  ) {
    this.checkpoint = store.read() ?? timer.now();
  }

  /** Reports reminders missed since the last run, then waits for the next one. */
  start(): void {
    const now = this.timer.now();
    const missed = this.source.dueBetween(this.checkpoint, now);
    if (missed.length > 0) this.notifier.notify(missed, true);
    this.advance(now);
  }

  /** Call after reminders change: the next due moment may have moved. */
  reschedule(): void {
    if (this.handle !== null) this.timer.clearTimeout(this.handle);
    this.handle = null;
    const next = this.source.nextDueAfter(this.checkpoint);
    if (!next) return;
    const wait = Math.max(0, Math.min(next.getTime() - this.timer.now().getTime(), MAX_WAIT_MS));
    this.handle = this.timer.setTimeout(() => this.tick(), wait);
  }

  stop(): void {
    if (this.handle !== null) this.timer.clearTimeout(this.handle);
    this.handle = null;
  }

  private tick(): void {
    this.handle = null;
    const now = this.timer.now();
    const due = this.source.dueBetween(this.checkpoint, now);
    if (due.length > 0) this.notifier.notify(due, false);
    this.advance(now);
  }

  private advance(now: Date): void {
    this.checkpoint = now;
    this.store.write(now);
    this.reschedule();
  }
}
