/** Plan periods as the contract writes them: `YYYY`, `YYYY-Qn` or `YYYY-MM`. */

import { PERIOD } from '../../../electron/api/contract/enums';

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** Quarter 1–4 or month 1–12; 0 for a year. */
  part: number;
}

export function parsePeriod(text: string): PeriodParts | null {
  const m = PERIOD.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'quarter', year, part: Number(m[2]) };
  if (m[3]) return { kind: 'month', year, part: Number(m[3]) };
  return { kind: 'year', year, part: 0 };
}

export function formatPeriod(p: PeriodParts): string {
  if (p.kind === 'quarter') return `${p.year}-Q${p.part}`;
  if (p.kind === 'month') return `${p.year}-${String(p.part).padStart(2, '0')}`;
  return String(p.year);
}

/** The same kind of period `delta` steps away: 2026 → 2027, 2026-Q4 → 2027-Q1, 2026-12 → 2027-01. */
export function shiftPeriod(text: string, delta: number): string {
  const p = parsePeriod(text);
  if (!p) return text;
  if (p.kind === 'year') return formatPeriod({ ...p, year: p.year + delta });
  const size = p.kind === 'quarter' ? 4 : 12;
  const index = p.year * size + (p.part - 1) + delta;
  return formatPeriod({ kind: p.kind, year: Math.floor(index / size), part: (index % size) + 1 });
}

/** The period of `kind` that holds the given month of the year. */
export function periodOf(kind: PeriodKind, year: number, month: number): string {
  if (kind === 'quarter')
    return formatPeriod({ kind, year, part: Math.floor((month - 1) / 3) + 1 });
  if (kind === 'month') return formatPeriod({ kind, year, part: month });
  return String(year);
}

/** The part a kind starts with when the user switches to it: the one today falls in. */
export function currentPart(kind: PeriodKind, today: Date = new Date()): number {
  if (kind === 'quarter') return Math.floor(today.getMonth() / 3) + 1;
  if (kind === 'month') return today.getMonth() + 1;
  return 1;
}
