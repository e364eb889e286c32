import { useEffect, useRef, useState } from 'react';

/**
 * The value, settled: changes only after `ms` without a newer one. `leading`: a change that comes
 * after `ms` of quiet settles at once (a pasted name, or the first letter typed, is answered
 * without the wait), and the changes that follow it within `ms` wait as usual.
 */
export function useDebounced<T>(value: T, ms: number, { leading = false } = {}): T {
  const [settled, setSettled] = useState(value);
  // When the value last changed; none yet at the first render.
  const changedAt = useRef<number | null>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const now = performance.now();
    const quiet = changedAt.current === null || now - changedAt.current >= ms;
    changedAt.current = now;
    if (leading && quiet) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms, leading]);
  return settled;
}
