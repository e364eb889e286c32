/** Timing and reporting helpers of the bench harness. */
import fs from 'node:fs';

/** One line of the report: a figure, its time and the bare SQLite floor for the same work. */
export interface Figure {
  name: string;
  ms: number;
  floorMs: number | null;
  /** Anything worth printing beside the figure (rows affected, sample count). */
  note?: string;
}

export function timeSync<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const result = fn();
  return [result, performance.now() - started];
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

/** The `p`-th percentile (0–100) by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** p50 and p95 lines for a series of samples and their floors. */
export function spread(name: string, samples: number[], floors: number[], note?: string): Figure[] {
  return [50, 95].map((p) => ({
    name: `${name} p${p}`,
    ms: percentile(samples, p),
    floorMs: floors.length > 0 ? percentile(floors, p) : null,
    ...(note ? { note } : {}),
  }));
}

function ms(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '—';
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** The report table: figure, ms, floor ms, ratio, note. */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    ms(f.ms),
    ms(f.floorMs),
    f.floorMs ? `${(f.ms / Math.max(f.floorMs, 0.001)).toFixed(1)}×` : '—',
    f.note ?? '',
  ]);
  const head = ['figure', 'ms', 'floor ms', 'ratio', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * The same bytes copied by the file system, made durable: the least a save back can cost, and
 * how the bench copies a workbook before measuring on it. Left to the system, the copy of the
 * gigabyte workbook was written out during the first figures (vmstat: 1.1 GB written five
 * seconds into a run, amid the client import's check), competing with their own writes.
 */
export function copyDurably(from: string, to: string): void {
  fs.copyFileSync(from, to);
  const fd = fs.openSync(to, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
