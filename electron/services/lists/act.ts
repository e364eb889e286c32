/**
 * `lists.act`: one action on every client of a list — a selection, a filter result, or an
 * analytics drill-down resolved to every client behind its figure (the same clients
 * `analytics.drill` lists, without its limit) or to every lost client (win-back).
 */
import { winBack } from '../../../db/queries/analytics-reads';
import { clientExportTable } from '../../../db/queries/client-export';
import { matchingIds } from '../../../db/queries/clients';
import { managersByIds, remindEach, touchEach } from '../../../db/queries/list-actions';
import type { ListActInput, ListActResult, ListDrill } from '../../api/contract';
import type { WriteContext } from '../../../db/queries/history';
import type { Locale } from '../../api/contract';
import type { AnalyticsRunner } from '../analytics/runner';
import type { BulkRunner } from '../bulk/jobs';
import { AppError } from '../../api/errors';
import { today } from '../../../kernel/local-date';
import { createCampaign } from '../campaigns/campaigns';
import { renderExport } from '../export/file';
import { exportWords } from '../export/words';

/** What `lists.act` needs of the app: the workbook, the analytics and bulk runners, the language. */
export interface ListActContext extends WriteContext {
  locale: () => Locale;
  bulk: BulkRunner;
  readonly analytics: { runner: AnalyticsRunner };
}

/** Every client behind a drill-down, in the order the drill-down lists them. */
export async function drillIds(ctx: ListActContext, drill: ListDrill): Promise<string[]> {
  if (drill.kind === 'winBack') {
    return winBack(ctx.wb, Number.MAX_SAFE_INTEGER).map((c) => c.clientId);
  }
  const { kind, ...rest } = drill;
  // analytics.drill computes in the analytics worker over the sales in memory; no limit here.
  const result = await ctx.analytics.runner.call('analytics.drill', {
    ...rest,
    kind,
    limit: Number.MAX_SAFE_INTEGER,
  });
  return result.parse().rows.map((r) => r.clientId);
}

/** The audience's client ids: exactly one of a selection, a filter result or a drill-down. */
export async function audienceIds(
  ctx: ListActContext,
  input: Pick<ListActInput, 'ids' | 'filter' | 'drill'>,
): Promise<string[]> {
  if (input.ids) return [...new Set(input.ids)];
  if (input.drill) return drillIds(ctx, input.drill);
  return matchingIds(ctx.wb, input.filter ?? {}, ctx.now());
}

function managersOf(ctx: ListActContext, ids: string[]): { id: string; name: string }[] {
  const byId = managersByIds(ctx.wb, ids);
  return [...new Set(ids)].map((id, i) => {
    const manager = byId.get(id);
    if (!manager)
      throw new AppError('not_found', 'manager_not_found', {}, `action.managerIds.${i}`);
    return manager;
  });
}

export async function listAct(ctx: ListActContext, input: ListActInput): Promise<ListActResult> {
  const { action } = input;
  const ids = await audienceIds(ctx, input);
  const none = { batchId: null, campaignId: null };
  switch (action.type) {
    case 'campaign': {
      const campaign = createCampaign(ctx, {
        name: action.name,
        goal: action.goal,
        action: action.action,
        holdoutPct: action.holdoutPct,
        dueDays: action.dueDays,
        ...(action.template !== undefined ? { template: action.template } : {}),
        ...(action.seed !== undefined ? { seed: action.seed } : {}),
        // A filter stays a filter (a recurring campaign re-reads it); a drill-down is frozen.
        ...(input.filter ? { filter: input.filter } : { ids }),
        ...(input.drill ? { drill: input.drill } : {}),
        ...(action.recurring && input.filter ? { recurring: true } : {}),
      });
      return {
        ...none,
        affected: campaign.contactCount + campaign.controlCount,
        campaignId: campaign.id,
      };
    }
    case 'remind': {
      const managers = managersOf(ctx, action.managerIds ?? []);
      const result = remindEach(ctx, ids, {
        title: action.title,
        from: action.from ?? today(ctx.now),
        days: action.days,
        managers,
      });
      return { ...result, campaignId: null };
    }
    case 'touch': {
      const result = touchEach(ctx, ids, {
        kind: action.kind,
        touch: action.touch ?? null,
        body: action.body,
      });
      return { ...result, campaignId: null };
    }
    case 'export': {
      const { columns, format, encoding, fileName, timeZone } = action;
      const locale = ctx.locale();
      const words = exportWords(locale);
      const now = ctx.now();
      const table =
        input.ids || input.drill
          ? clientExportTable(ctx.wb, { ids, columns }, now, words)
          : clientExportTable(ctx.wb, { query: input.filter ?? {}, columns }, now, words);
      const file = await renderExport(
        { title: words.clients, ...table },
        { format, encoding, fileName, locale, now, timeZone },
      );
      return { ...none, affected: file.rows, file };
    }
    default: {
      const result = await ctx.bulk.run({ kind: 'bulk', ids, action });
      return { batchId: result.batchId, affected: result.affected, campaignId: null };
    }
  }
}
