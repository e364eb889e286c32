/**
 * A campaign's messages (issue 17): the template filled per client, sending them one by one from
 * the user's own programs, an export for a mailing or SMS service, and the to-do on Today.
 */
import { z } from 'zod';
import { templateSyntaxProblem } from '../../../kernel/template';
import { CSV_TARGETS, MEMBER_OUTCOMES, SEND_VIAS, type CampaignAction } from './campaign-enums';
import { listDrillSchema } from './analytics';
import type { ExportFile } from './exports';
import { listQueryShape } from './list';
import { id } from './validators';

/**
 * A message template: its braces read (kernel/template.ts); whether each placeholder names a
 * field is checked against the workbook by the service (`template_placeholder_unknown`).
 */
export const templateText = z
  .string()
  .max(5000)
  .refine((s) => templateSyntaxProblem(s) !== 'template_brace', {
    params: { key: 'template_brace' },
  })
  .refine((s) => templateSyntaxProblem(s) !== 'template_placeholder_empty', {
    params: { key: 'template_placeholder_empty' },
  });

/**
 * The template filled for a few clients: a campaign's (`id`: its pending contact members, its own
 * template unless `template` is given), or an audience not yet started (`filter` or `ids`).
 */
export const campaignPreviewInput = z
  .object({
    id: id.optional(),
    template: templateText.optional(),
    filter: z.object(listQueryShape).strict().optional(),
    ids: z.array(id).min(1).max(200_000).optional(),
    /** An analytics drill-down's clients, as `lists.act` reads them. */
    drill: listDrillSchema.optional(),
    limit: z.number().int().min(1).max(50).default(5),
  })
  .strict()
  .refine((v) => [v.id, v.filter, v.ids, v.drill].filter((x) => x !== undefined).length === 1, {
    params: { key: 'bulk_target' },
  });

/** A message sent to members (logged on each card, the member marked contacted). */
export const campaignSentInput = z
  .object({
    id,
    clientIds: z.array(id).min(1).max(200_000),
    via: z.enum(SEND_VIAS),
    outcome: z.enum(MEMBER_OUTCOMES).optional(),
  })
  .strict();

export const campaignExportCsvInput = z.object({ id, format: z.enum(CSV_TARGETS) }).strict();

export interface CampaignMessage {
  clientId: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** The filled template; null when the campaign has none. */
  text: string | null;
  /** Placeholders this client has no value for (filled with nothing), as written. */
  empty: string[];
}

export interface CampaignOutbox {
  id: string;
  name: string;
  action: CampaignAction;
  template: string | null;
  /** Contact members still to do, by client name, with their messages. */
  messages: CampaignMessage[];
}

export interface CampaignSentResult {
  /** Members marked contacted (and logged on their cards). */
  marked: number;
}

/** A campaign with contacts still to do, for Today. */
export interface CampaignTodo {
  id: string;
  name: string;
  action: CampaignAction;
  /** Contact members still to do, and all of them. */
  pending: number;
  total: number;
}

/** The CSV for a service, and who is in it (to mark them as sent once the user has sent it). */
export interface CampaignCsvFile extends ExportFile {
  clientIds: string[];
}
