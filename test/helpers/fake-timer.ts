/** A clock and timers that move only when the test says so (the reminder scheduler's `Timer`). */
import type { Timer } from '../../electron/services/reminder-scheduler';

export class FakeTimer implements Timer {
  private t: number;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;

  constructor(start: string | Date) {
    this.t = typeof start === 'string' ? Date.parse(start) : start.getTime();
  }

  now = () => new Date(this.t);

  setTimeout = (fn: () => void, ms: number) => {
    this.seq += 1;
    this.timers.push({ at: this.t + ms, fn, id: this.seq });
    return this.seq;
  };

  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== id);
  };

  /** Timers waiting to fire. */
  pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}
