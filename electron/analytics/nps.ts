/**
 * NPS per month: % promoters (9–10) − % detractors (0–6) of the month's answers. Answers whose
 * score is not an integer 0–10 or whose date is malformed are left out.
 */
import { dayFromIso, monthOfDay, periodLabel } from './days';

export interface NpsAnswer {
  /** `YYYY-MM-DD` or an ISO timestamp. */
  date: string;
  score: number;
}

export interface NpsMonth {
  /** `YYYY-MM`, or 'all' for the total. */
  month: string;
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100 … 100; null without answers. */
  nps: number | null;
}

const empty = (month: string): NpsMonth => ({
  month,
  answers: 0,
  promoters: 0,
  passives: 0,
  detractors: 0,
  nps: null,
});

function add(m: NpsMonth, score: number) {
  m.answers++;
  if (score >= 9) m.promoters++;
  else if (score >= 7) m.passives++;
  else m.detractors++;
  m.nps = ((m.promoters - m.detractors) / m.answers) * 100;
}

export function npsByMonth(answers: readonly NpsAnswer[]): { months: NpsMonth[]; total: NpsMonth } {
  const months = new Map<number, NpsMonth>();
  const total = empty('all');
  for (const a of answers) {
    const day = dayFromIso(a.date);
    if (!Number.isInteger(a.score) || a.score < 0 || a.score > 10 || Number.isNaN(day)) continue;
    const key = monthOfDay(day);
    let m = months.get(key);
    if (!m) months.set(key, (m = empty(periodLabel(key, 'month'))));
    add(m, a.score);
    add(total, a.score);
  }
  return { months: [...months.entries()].sort((x, y) => x[0] - y[0]).map(([, m]) => m), total };
}
