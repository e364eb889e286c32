/**
 * The reminder scheduler of whichever workbook is open: when another workbook is opened, the
 * old one's timer is dropped and a scheduler on the new one starts (reporting what came due in
 * it while it was closed). A timer that fires after the switch, before `follow` was called,
 * does nothing to the old, closed file: it moves to the new one instead.
 */
import type { Workbook } from '../../db/workbook';
import {
  ReminderScheduler,
  type CheckpointStore,
  type Notifier,
  type ReminderSource,
  type Timer,
} from './reminder-scheduler';
import { workbookCheckpoint, workbookReminderSource } from './reminder-source';

export interface ReminderFollowDeps {
  /** The open workbook, or null while none is. */
  current: () => Workbook | null;
  timer: Timer;
  notifier: Notifier;
  /** A failure inside a timer (the file busy, unreadable) is logged, never thrown at the loop. */
  onError: (error: unknown) => void;
  source?: (wb: Workbook) => ReminderSource;
  checkpoint?: (wb: Workbook) => CheckpointStore;
}

export class FollowingReminders {
  private bound: Workbook | null = null;
  private scheduler: ReminderScheduler | null = null;

  constructor(private readonly deps: ReminderFollowDeps) {}

  /** Starts on the open workbook, or moves to it when it is another one than before. */
  follow(): void {
    const wb = this.deps.current();
    if (wb === this.bound) return;
    this.scheduler?.stop();
    this.scheduler = null;
    this.bound = wb;
    if (!wb) return;
    const scheduler = new ReminderScheduler(
      this.timerFor(wb),
      (this.deps.source ?? workbookReminderSource)(wb),
      this.deps.notifier,
      (this.deps.checkpoint ?? workbookCheckpoint)(wb),
    );
    this.scheduler = scheduler;
    this.guard(() => scheduler.start());
  }

  /** Reminders changed in the open workbook: the next notification may have moved. */
  reschedule(): void {
    const before = this.scheduler;
    this.follow();
    // A scheduler just started has looked at the reminders already.
    if (this.scheduler && this.scheduler === before) {
      const scheduler = this.scheduler;
      this.guard(() => scheduler.reschedule());
    }
  }

  stop(): void {
    this.scheduler?.stop();
    this.scheduler = null;
    this.bound = null;
  }

  private timerFor(wb: Workbook): Timer {
    const { timer } = this.deps;
    return {
      now: () => timer.now(),
      clearTimeout: (handle) => timer.clearTimeout(handle),
      setTimeout: (fn, ms) =>
        timer.setTimeout(() => {
          if (this.deps.current() !== wb) this.follow();
          else this.guard(fn);
        }, ms),
    };
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.deps.onError(error);
    }
  }
}
