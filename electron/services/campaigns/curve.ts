/**
 * A campaign's result day by day: for each day d after the contact (0 … days), the share of
 * each group who bought and the revenue per client within the first d days of each member's
 * window, so the point at d is campaigns.report over a d-day window. One pass over the
 * members' sales: each sale lands on its day since its member's moment, then running sums.
 */
import { memberMoments, memberSales, requireCampaign } from '../../../db/queries/campaigns';
import type { Workbook } from '../../../db/workbook';
import { daysBetween, localDayOf } from '../../../kernel/local-date';
import type { CampaignCurve, CampaignCurveSeries, CampaignGroup } from '../../api/contract';
import { earliestDay, salesByClient } from './report';

interface Tally {
  clients: number;
  /** New buyers and revenue on each day since the moment (index = day, 0 … days − 1). */
  buyers: number[];
  revenue: number[];
}

function series(t: Tally, days: number): CampaignCurveSeries {
  const buyRate: (number | null)[] = [t.clients > 0 ? 0 : null];
  const revenuePerClient: (number | null)[] = [t.clients > 0 ? 0 : null];
  let buyers = 0;
  let revenue = 0;
  for (let d = 0; d < days; d++) {
    buyers += t.buyers[d] ?? 0;
    revenue += t.revenue[d] ?? 0;
    buyRate.push(t.clients > 0 ? buyers / t.clients : null);
    revenuePerClient.push(t.clients > 0 ? revenue / t.clients : null);
  }
  return { clients: t.clients, buyRate, revenuePerClient };
}

export function campaignCurve(wb: Workbook, id: string, days: number): CampaignCurve {
  return wb.read(() => {
    requireCampaign(wb, id);
    const moments = memberMoments(wb, id);
    const earliest = earliestDay(moments);
    const sales = salesByClient(earliest ? memberSales(wb, id, earliest) : []);
    const tally: Record<CampaignGroup, Tally> = {
      contact: {
        clients: 0,
        buyers: new Array<number>(days).fill(0),
        revenue: new Array<number>(days).fill(0),
      },
      control: {
        clients: 0,
        buyers: new Array<number>(days).fill(0),
        revenue: new Array<number>(days).fill(0),
      },
    };
    for (const m of moments) {
      const t = tally[m.group];
      t.clients += 1;
      const from = localDayOf(m.at);
      let firstBuy = Infinity;
      for (const sale of sales.get(m.clientId) ?? []) {
        if (sale.date < from) continue;
        const day = daysBetween(from, sale.date);
        if (day >= days) continue;
        t.revenue[day] = (t.revenue[day] ?? 0) + sale.amount;
        if (sale.amount > 0 && day < firstBuy) firstBuy = day;
      }
      if (firstBuy < days) t.buyers[firstBuy] = (t.buyers[firstBuy] ?? 0) + 1;
    }
    return { days, contact: series(tally.contact, days), control: series(tally.control, days) };
  });
}
