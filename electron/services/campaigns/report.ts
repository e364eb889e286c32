/**
 * A campaign's result: contact vs control over a window after each member's contact moment
 * (a contacted member: when it was marked done; the rest: the campaign's start), with 95 %
 * intervals of the differences. Two reads (members, their sales), the rest in memory; the
 * comparison of all campaigns reads every campaign's members and their sales once.
 */
import {
  allMemberMoments,
  allMemberSales,
  listCampaigns,
  memberMoments,
  memberSales,
  requireCampaign,
  type MemberMoment,
  type MemberSale,
} from '../../../db/queries/campaigns';
import type { Workbook } from '../../../db/workbook';
import { addDays, localDayOf } from '../../../kernel/local-date';
import type {
  CampaignComparisonRow,
  CampaignGroupFigures,
  CampaignReport,
} from '../../api/contract';
import { twoProportion, welch, type Interval } from './stats';

interface MemberTotals {
  group: 'contact' | 'control';
  from: string;
  to: string;
  bought: boolean;
  revenue: number;
  /** Null while no sale in the window has a margin entered (unknown, not zero). */
  margin: number | null;
}

function figures(members: MemberTotals[]): CampaignGroupFigures {
  const clients = members.length;
  const buyers = members.filter((m) => m.bought).length;
  const revenue = members.reduce((s, m) => s + m.revenue, 0);
  const margins = members.flatMap((m) => (m.margin === null ? [] : [m.margin]));
  const margin = margins.length > 0 ? margins.reduce((s, x) => s + x, 0) : null;
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

/** Sales by client, for the members' windows. */
export function salesByClient(sales: Iterable<MemberSale>): Map<string, MemberSale[]> {
  const byClient = new Map<string, MemberSale[]>();
  for (const sale of sales) {
    const list = byClient.get(sale.clientId);
    if (list) list.push(sale);
    else byClient.set(sale.clientId, [sale]);
  }
  return byClient;
}

/** The earliest window start of the members (the local day of the earliest moment). */
export function earliestDay(moments: readonly MemberMoment[]): string | null {
  let earliest: string | null = null;
  for (const m of moments) {
    const from = localDayOf(m.at);
    if (earliest === null || from < earliest) earliest = from;
  }
  return earliest;
}

/** The report of one campaign from its members' moments and their sales. */
export function reportOf(
  windowDays: number,
  moments: readonly MemberMoment[],
  sales: ReadonlyMap<string, readonly MemberSale[]>,
): CampaignReport {
  const all: MemberTotals[] = [];
  for (const m of moments) {
    // The window: the contact's local day and the windowDays − 1 days after it.
    const from = localDayOf(m.at);
    const t: MemberTotals = {
      group: m.group,
      from,
      to: addDays(from, windowDays),
      bought: false,
      revenue: 0,
      margin: null,
    };
    for (const sale of sales.get(m.clientId) ?? []) {
      if (sale.date < t.from || sale.date >= t.to) continue;
      t.revenue += sale.amount;
      if (sale.margin !== null) t.margin = (t.margin ?? 0) + sale.margin;
      if (sale.amount > 0) t.bought = true;
    }
    all.push(t);
  }
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
}

export function campaignReport(wb: Workbook, id: string, windowDays: number): CampaignReport {
  return wb.read(() => {
    requireCampaign(wb, id);
    const moments = memberMoments(wb, id);
    const earliest = earliestDay(moments);
    const sales = salesByClient(earliest ? memberSales(wb, id, earliest) : []);
    return reportOf(windowDays, moments, sales);
  });
}

/**
 * Every live campaign with its report over the same window, newest first: three reads (the
 * campaigns, all their members' moments, those members' sales), then each campaign in memory.
 */
export function compareCampaigns(wb: Workbook, windowDays: number): CampaignComparisonRow[] {
  return wb.read(() => {
    const campaigns = listCampaigns(wb);
    const moments = allMemberMoments(wb);
    const earliest = earliestDay(moments);
    const sales = salesByClient(earliest ? allMemberSales(wb, earliest) : []);
    const byCampaign = new Map<string, MemberMoment[]>();
    for (const m of moments) {
      const list = byCampaign.get(m.campaignId);
      if (list) list.push(m);
      else byCampaign.set(m.campaignId, [m]);
    }
    return campaigns.map((campaign) => ({
      campaign,
      report: reportOf(windowDays, byCampaign.get(campaign.id) ?? [], sales),
    }));
  });
}
