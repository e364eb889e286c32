/** Report periods as the API names them: `YYYY`, `YYYY-Qn` or `YYYY-MM`. */

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** 1–4 for a quarter, 1–12 for a month; ignored for a year. */
  part: number;
}

export function periodOf({ kind, year, part }: PeriodParts): string {
  const y = String(year).padStart(4, '0');
  if (kind === 'quarter') return `${y}-Q${part}`;
  if (kind === 'month') return `${y}-${String(part).padStart(2, '0')}`;
  return y;
}

/** The part a kind starts with when the user switches to it: the one today falls in. */
export function currentPart(kind: PeriodKind, today: Date = new Date()): number {
  if (kind === 'quarter') return Math.floor(today.getMonth() / 3) + 1;
  if (kind === 'month') return today.getMonth() + 1;
  return 1;
}
