/**
 * This device's hybrid logical clock, kept by `@actual-app/crdt`'s Timestamp. Its stamps
 * (`2026-11-30T09:25:43.788Z-0000-0123456789abcdef`) sort as strings in clock order, each device
 * writes its own node id into them, and after receiving a stamp the next local one is greater.
 *
 * The library keeps one clock per process (`setClock`); a process may hold several workbooks (the
 * tests hold three devices), so each call first makes this device's clock the current one.
 */
import { makeClock, setClock, Timestamp, type Clock } from '@actual-app/crdt';

// A device whose calendar is wrong must still sync: the clocks stay ordered whatever the drift.
Timestamp.init({ maxDrift: Number.MAX_SAFE_INTEGER });

/** The 16 hex digits of a device id (UUID) that its stamps carry. */
export function nodeOf(deviceId: string): string {
  return deviceId.replace(/-/g, '').slice(-16).toUpperCase();
}

export class DeviceClock {
  private readonly clock: Clock;

  constructor(deviceId: string) {
    this.clock = makeClock(new Timestamp(0, 0, nodeOf(deviceId)));
  }

  /** A new stamp, greater than every stamp this clock made or received. */
  send(): string {
    setClock(this.clock);
    try {
      return String(Timestamp.send());
    } catch (error) {
      if (!(error instanceof Timestamp.OverflowError)) throw error;
      // 65,536 stamps within one millisecond (a big import after a stamp from a clock running
      // ahead): the next millisecond, still unique and ordered.
      const t = this.clock.timestamp;
      t.setMillis(t.millis() + 1);
      t.setCounter(0);
      return String(Timestamp.send());
    }
  }

  /**
   * Moves the clock past `stamp`: one received from another device, or one this device wrote
   * through another connection (an import's worker).
   */
  observe(stamp: string): void {
    const remote = Timestamp.parse(stamp);
    if (!remote) return;
    const t = this.clock.timestamp;
    if (
      remote.millis() > t.millis() ||
      (remote.millis() === t.millis() && remote.counter() > t.counter())
    ) {
      t.setMillis(remote.millis());
      t.setCounter(remote.counter());
    }
  }
}
