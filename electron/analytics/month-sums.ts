/**
 * Revenue, purchase days and buyers per calendar month of a range (the dashboard's revenue
 * chart): sums over clients, so the live dashboard adds a changed client's new part and takes
 * away its old one.
 */
import { monthOfDay, periodLabel, type Day } from './days';
import type { SalesData } from './sales-data';

export interface MonthSums {
  firstMonth: number;
  /** Per month: revenue, purchase days, buyers. */
  acc: Float64Array;
}

export interface MonthRow {
  label: string;
  revenue: number;
  buyers: number;
  purchases: number;
}

export function monthSums(data: SalesData, from: Day, to: Day): MonthSums {
  const firstMonth = monthOfDay(from);
  const months = Math.max(monthOfDay(to) - firstMonth + 1, 0);
  const acc = new Float64Array(months * 3);
  const seen = new Int32Array(months).fill(-1);
  for (let c = 0; c < data.clientIds.length; c++) {
    for (let i = data.start[c]!; i < data.start[c + 1]!; i++) {
      const d = data.day[i]!;
      if (d < from || d > to) continue;
      const m = monthOfDay(d) - firstMonth;
      acc[m * 3]! += data.revenue[i]!;
      acc[m * 3 + 1]! += 1;
      if (seen[m] !== c) {
        seen[m] = c;
        acc[m * 3 + 2]! += 1;
      }
    }
    for (let i = data.adjStart[c]!; i < data.adjStart[c + 1]!; i++) {
      const d = data.adjDay[i]!;
      if (d >= from && d <= to) acc[(monthOfDay(d) - firstMonth) * 3]! += data.adjRevenue[i]!;
    }
  }
  return { firstMonth, acc };
}

export function monthRows({ firstMonth, acc }: MonthSums): MonthRow[] {
  return Array.from({ length: acc.length / 3 }, (_, m) => ({
    label: periodLabel(firstMonth + m, 'month'),
    revenue: acc[m * 3]!,
    buyers: acc[m * 3 + 2]!,
    purchases: acc[m * 3 + 1]!,
  }));
}
