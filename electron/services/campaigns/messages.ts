/**
 * A campaign's messages: the template checked against the workbook's fields, filled per client,
 * logged on the cards as they are sent (each with the member marked contacted, in one
 * transaction), and written to a CSV for a mailing or SMS service.
 */
import { requireCampaign, requireMember, writeMark } from '../../../db/queries/campaigns';
import {
  contactMemberIds,
  messageRecipients,
  pendingContactIds,
} from '../../../db/queries/campaign-messages';
import { matchingIds } from '../../../db/queries/clients';
import { addComment } from '../../../db/queries/comments';
import { readCustomValues } from '../../../db/queries/fields';
import type { Workbook } from '../../../db/workbook';
import { phoneKey } from '../../../kernel/phones';
import { renderTemplate } from '../../../kernel/template';
import type {
  CampaignMessage,
  CampaignOutbox,
  CommentKind,
  CustomValue,
  CsvTarget,
  Locale,
  MemberOutcome,
  SendVia,
} from '../../api/contract';
import type { CampaignAction } from '../../api/contract/campaign-enums';
import { AppError } from '../../api/errors';
import { translate } from '../../api/messages';
import { guardFormula } from '../export/formula-guard';
import { TOUCH, type CampaignContext } from './campaigns';
import { checkTemplate, templateFields } from './template-check';

/** The template (or none) filled for each of the clients, in their order. */
export function renderMessages(
  wb: Workbook,
  template: string | null,
  clientIds: readonly string[],
  locale: Locale,
): CampaignMessage[] {
  const fields = templateFields(wb);
  const recipients = messageRecipients(wb, clientIds);
  const custom = template
    ? readCustomValues(wb, [...clientIds])
    : new Map<string, Record<string, CustomValue>>();
  return recipients.map((r) => {
    const filled = template
      ? renderTemplate(template, { ...r, custom: custom.get(r.id) ?? {} }, fields, locale)
      : null;
    return {
      clientId: r.id,
      name: r.name,
      phone: r.phone,
      email: r.email,
      text: filled ? filled.text : null,
      empty: filled ? filled.empty : [],
    };
  });
}

export interface PreviewRequest {
  id?: string | undefined;
  template?: string | undefined;
  filter?: Parameters<typeof matchingIds>[1] | undefined;
  ids?: string[] | undefined;
  limit: number;
}

/** The template filled for the first clients of an audience or of a campaign's to-do. */
export function previewMessages(
  wb: Workbook,
  request: PreviewRequest,
  now: Date,
  locale: Locale,
): CampaignMessage[] {
  return wb.read(() => {
    let template = request.template ?? null;
    let ids: string[];
    if (request.id) {
      const campaign = requireCampaign(wb, request.id);
      template = request.template ?? campaign.template;
      ids = pendingContactIds(wb, request.id, request.limit);
    } else if (request.filter) {
      ids = matchingIds(wb, request.filter, now).slice(0, request.limit);
    } else {
      ids = (request.ids ?? []).slice(0, request.limit);
    }
    checkTemplate(wb, template);
    return renderMessages(wb, template?.trim() ? template : null, ids, locale);
  });
}

export function campaignOutbox(wb: Workbook, id: string, locale: Locale): CampaignOutbox {
  return wb.read(() => {
    const campaign = requireCampaign(wb, id);
    return {
      id,
      name: campaign.name,
      action: campaign.action,
      template: campaign.template,
      messages: renderMessages(wb, campaign.template, pendingContactIds(wb, id), locale),
    };
  });
}

/** The kind a sent message is logged as: a call is a call; a written one an e-mail (or offer). */
function sentKind(via: SendVia, action: CampaignAction): CommentKind {
  if (via === 'call') return 'call';
  if (via === 'copy') return TOUCH[action].kind;
  return action === 'offer' ? 'offer' : 'email';
}

/**
 * Messages sent to contact members: each logged on its card (the campaign, how it went, the
 * outcome when one is given, the message) with the campaign's touch tag, and the member marked
 * contacted, all in one transaction. The first contact keeps its moment.
 */
export function logSent(
  ctx: CampaignContext,
  input: { id: string; clientIds: string[]; via: SendVia; outcome?: MemberOutcome | undefined },
): number {
  return ctx.wb.transaction(() => {
    const campaign = requireCampaign(ctx.wb, input.id);
    const ids = [...new Set(input.clientIds)];
    const contacts = new Set(contactMemberIds(ctx.wb, input.id, ids));
    for (const clientId of ids) {
      if (!contacts.has(clientId)) {
        const member = requireMember(ctx.wb, input.id, clientId);
        if (member.group_name === 'control') {
          throw new AppError('conflict', 'campaign_control_untouched', {}, 'clientIds');
        }
      }
    }
    const locale = ctx.locale();
    const messages = renderMessages(ctx.wb, campaign.template, ids, locale);
    const head = {
      name: campaign.name,
      via: translate(locale, `campaign_via_${input.via}`),
      ...(input.outcome ? { outcome: translate(locale, `campaign_outcome_${input.outcome}`) } : {}),
    };
    for (const message of messages) {
      const member = requireMember(ctx.wb, input.id, message.clientId);
      const title = translate(
        locale,
        input.outcome ? 'campaign_sent_outcome_body' : 'campaign_sent_body',
        head,
      );
      addComment(ctx, {
        clientId: message.clientId,
        kind: sentKind(input.via, campaign.action),
        touch: TOUCH[campaign.action].touch,
        body: message.text ? `${title}\n${message.text}` : title,
      });
      writeMark(ctx, input.id, message.clientId, {
        status: 'done',
        outcome: input.outcome ?? member.outcome,
        contactedAt: member.contacted_at ?? ctx.now().toISOString(),
      });
    }
    return messages.length;
  });
}

/** `+79123456789` for a Russian number, `+<digits>` for any other; null without a phone. */
export function servicePhone(phone: string | null): string | null {
  const key = phoneKey(phone);
  return key ? `+${key}` : null;
}

const CSV_HEADERS: Record<CsvTarget, string[]> = {
  email: ['email', 'name', 'first_name', 'message'],
  sms: ['phone', 'name', 'message'],
};

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The CSV a mailing or SMS service takes: comma-separated (what those services expect whatever
 * the language), quoted per RFC 4180, CRLF lines, the pending contacts with an e-mail (or a
 * phone) and their messages. Returns the text and the clients written.
 */
export function messagesCsv(
  wb: Workbook,
  id: string,
  target: CsvTarget,
  locale: Locale,
): { csv: string; clientIds: string[]; campaignName: string } {
  return wb.read(() => {
    const outbox = campaignOutbox(wb, id, locale);
    const fields = templateFields(wb);
    const lines = [CSV_HEADERS[target].join(',')];
    const clientIds: string[] = [];
    const recipients = new Map(
      messageRecipients(
        wb,
        outbox.messages.map((m) => m.clientId),
      ).map((r) => [r.id, r]),
    );
    for (const m of outbox.messages) {
      const r = recipients.get(m.clientId);
      if (!r) continue;
      const text = m.text ?? '';
      if (target === 'email') {
        const email = m.email?.trim();
        if (!email) continue;
        const firstName = renderTemplate('{имя}', { ...r, custom: {} }, fields, locale).text;
        // Names are guarded against a spreadsheet's formulas; the message goes out as written.
        const row = [email, guardFormula(m.name), guardFormula(firstName), text];
        lines.push(row.map(csvField).join(','));
      } else {
        const phone = servicePhone(m.phone);
        if (!phone) continue;
        lines.push([phone, guardFormula(m.name), text].map(csvField).join(','));
      }
      clientIds.push(m.clientId);
    }
    return { csv: `${lines.join('\r\n')}\r\n`, clientIds, campaignName: outbox.name };
  });
}
