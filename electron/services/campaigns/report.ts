/**
 * A campaign's result: contact vs control over a window after each member's contact moment
 * (a contacted member: when it was marked done; the rest: the campaign's start), with 95 %
 * intervals of the differences. Two reads (members, their sales), the rest in memory.
 */
import { memberMoments, memberSales, requireCampaign } from '../../../db/queries/campaigns';
import type { Workbook } from '../../../db/workbook';
import { addDays, localDayOf } from '../../../kernel/local-date';
import type { CampaignGroupFigures, CampaignReport } from '../../api/contract';
import { twoProportion, welch, type Interval } from './stats';

interface MemberTotals {
  group: 'contact' | 'control';
  from: string;
  to: string;
  bought: boolean;
  revenue: number;
  margin: number;
}

function figures(members: MemberTotals[]): CampaignGroupFigures {
  const clients = members.length;
  const buyers = members.filter((m) => m.bought).length;
  const revenue = members.reduce((s, m) => s + m.revenue, 0);
  const margin = members.reduce((s, m) => s + m.margin, 0);
  return {
    clients,
    buyers,
    revenue,
    margin,
    buyRate: clients > 0 ? buyers / clients : null,
    revenuePerClient: clients > 0 ? revenue / clients : null,
  };
}

const round = (x: number) => Math.round(x);
const roundInterval = (ci: Interval | null): Interval | null =>
  ci ? [round(ci[0]), round(ci[1])] : null;

export function campaignReport(wb: Workbook, id: string, windowDays: number): CampaignReport {
  return wb.read(() => {
    requireCampaign(wb, id);
    const totals = new Map<string, MemberTotals>();
    let earliest: string | null = null;
    for (const m of memberMoments(wb, id)) {
      // The window: the contact's local day and the windowDays − 1 days after it.
      const from = localDayOf(m.at);
      if (earliest === null || from < earliest) earliest = from;
      totals.set(m.clientId, {
        group: m.group,
        from,
        to: addDays(from, windowDays),
        bought: false,
        revenue: 0,
        margin: 0,
      });
    }
    for (const sale of earliest ? memberSales(wb, id, earliest) : []) {
      const t = totals.get(sale.clientId);
      if (!t || sale.date < t.from || sale.date >= t.to) continue;
      t.revenue += sale.amount;
      t.margin += sale.margin ?? 0;
      if (sale.amount > 0) t.bought = true;
    }
    const all = [...totals.values()];
    const contactMembers = all.filter((m) => m.group === 'contact');
    const controlMembers = all.filter((m) => m.group === 'control');
    const contact = figures(contactMembers);
    const control = figures(controlMembers);
    const rate = twoProportion(contact.buyers, contact.clients, control.buyers, control.clients);
    const money = welch(
      contactMembers.map((m) => m.revenue),
      controlMembers.map((m) => m.revenue),
    );
    const buyRateCi95 = rate?.ci ?? null;
    return {
      windowDays,
      contact,
      control,
      buyRateDiff: rate ? rate.diff : null,
      buyRateCi95,
      revenuePerClientDiff: money ? round(money.diff) : null,
      revenueCi95: roundInterval(money?.ci ?? null),
      moneyUplift: money ? round(money.diff * contact.clients) : null,
      significant: buyRateCi95 ? buyRateCi95[0] > 0 || buyRateCi95[1] < 0 : null,
    };
  });
}
