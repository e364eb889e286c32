/**
 * One cell of an import row turned into the value its field stores, or a sentence saying why
 * it cannot be (in the user's language). Standard client fields are checked by the very zod
 * schemas the channels use, so an imported phone obeys the same rules as a typed one.
 */
import type { CustomValue, Locale, Stage } from '../../api/contract';
import { clientFieldShape } from '../../api/contract/client-fields';
import { birthdayInRange } from '../../api/contract/validators';
import { localizeIssues } from '../../api/localize-issues';
import { translate, type MessageKey } from '../../api/messages';
import { isEmail } from '../../../kernel/emails';
import { parseList, pickOptions } from '../../../kernel/lists';
import { phoneProblem } from '../../../kernel/phones';
import { exportWords } from '../export/words';
import type { TargetField } from './targets';
import {
  parseBoolean,
  parseDate,
  parseMoney,
  parseNumber,
  type DateOrder,
  type NumberLocale,
} from './values';

export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

const STAGE_WORDS: Record<Stage, string[]> = {
  prospect: [
    'prospect',
    'lead',
    'potential',
    'потенциальный',
    'лид',
    'потенциальный клиент',
    'новый',
  ],
  first_purchase: ['first purchase', 'first_purchase', 'первая покупка', 'первый заказ'],
  repeat: ['repeat', 'repeat purchase', 'повторная покупка', 'повторный'],
  regular: ['regular', 'loyal', 'постоянный', 'постоянный клиент', 'лояльный'],
  advocate: ['advocate', 'ambassador', 'адвокат', 'амбассадор', 'рекомендует'],
  lost: ['lost', 'churned', 'потерян', 'потерянный', 'ушел', 'ушёл', 'ушедший'],
  won_back: ['won back', 'won_back', 'returned', 'возвращен', 'возвращён', 'вернулся'],
};
// The words Kartoteka's own export writes, in both languages, read back whatever they become.
const EXPORTED = [exportWords('ru'), exportWords('en')];
const STAGE_BY_WORD = new Map<string, Stage>([
  ...Object.entries(STAGE_WORDS).flatMap(([stage, words]) =>
    words.map((w) => [w, stage as Stage] as const),
  ),
  ...EXPORTED.flatMap((w) =>
    Object.entries(w.stages).map(([stage, word]) => [word.toLowerCase(), stage as Stage] as const),
  ),
]);

const COMPANY_WORDS = new Set([
  'company',
  'organization',
  'business',
  'legal',
  'компания',
  'организация',
  'юр',
  'юрлицо',
  'юр. лицо',
  'юридическое лицо',
  'ооо',
  'ао',
  'ип',
  ...EXPORTED.map((w) => w.kinds.company.toLowerCase()),
]);
const PERSON_WORDS = new Set([
  'person',
  'individual',
  'private',
  'физ',
  'физлицо',
  'физ. лицо',
  'физическое лицо',
  'частное лицо',
  'человек',
  ...EXPORTED.map((w) => w.kinds.person.toLowerCase()),
]);

export interface ConvertContext {
  locale: Locale;
  /** The date order chosen for each ambiguous column (by header). */
  dateOrders: Record<string, DateOrder>;
  today: string;
  /**
   * How the file writes numbers (`numberConvention`), and whether it is an Excel workbook,
   * whose numeric cells arrive as numbers and are rounded to the kopeck for money.
   */
  numbers: { locale: NumberLocale; sheet: boolean };
}

function fail(ctx: ConvertContext, key: MessageKey, params: Record<string, string | number> = {}) {
  return { ok: false as const, message: translate(ctx.locale, key, params) };
}

/** Longest text each standard field takes (as in the contract's schemas). */
const MAX_LENGTH: Partial<Record<keyof typeof clientFieldShape, number>> = {
  name: 200,
  company: 200,
  position: 200,
  address: 500,
  channel: 100,
  lostReason: 200,
  note: 10_000,
  externalId: 100,
  taxId: 20,
};

/**
 * True when the contract's schema would surely accept the value as it is: a fast path for the
 * common case (100,000 rows), never more lenient; anything else goes to the schema for its
 * verdict and its message.
 */
function surelyValid(key: keyof typeof clientFieldShape, value: unknown, today: string): boolean {
  if (typeof value !== 'string' || value === '' || value !== value.trim()) return false;
  const max = MAX_LENGTH[key];
  if (max !== undefined) return value.length <= max;
  if (key === 'phone' || key === 'phone2') return value.length <= 40 && !phoneProblem(value);
  if (key === 'email') return isEmail(value);
  // Dates reach here from parseDate, which returns real calendar dates only.
  if (key === 'birthday') return value >= '1900-01-01' && value <= today;
  return false;
}

function checked(
  key: keyof typeof clientFieldShape,
  value: unknown,
  ctx: ConvertContext,
): Converted {
  if (surelyValid(key, value, ctx.today)) return { ok: true, value };
  const result = clientFieldShape[key].safeParse(value);
  if (result.success && key === 'birthday' && !birthdayInRange(String(value), ctx.today)) {
    return { ok: false, message: translate(ctx.locale, 'birthday_range') };
  }
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: localizeIssues(result.error, ctx.locale)[0]?.message ?? '' };
}

/** The stored value of a non-empty cell for `field`, read from the column `header`. */
export function convertCell(
  field: TargetField,
  header: string,
  raw: string,
  ctx: ConvertContext,
): Converted {
  const value = raw.trim();
  switch (field.kind) {
    case 'text':
    case 'phone':
    case 'email':
      return field.key in clientFieldShape
        ? checked(field.key as keyof typeof clientFieldShape, value, ctx)
        : value.length > 500
          ? fail(ctx, 'too_long', { max: 500 })
          : { ok: true, value };
    case 'date': {
      const date = parseDate(value, ctx.dateOrders[header] ?? null);
      if (!date) return fail(ctx, 'import_cell_date', { value: clip(value) });
      if (field.key === 'birthday') return checked('birthday', date, ctx);
      if (date < '1900-01-01' || date > addYear(ctx.today)) return fail(ctx, 'sale_date_range');
      return { ok: true, value: date };
    }
    case 'money': {
      const money = parseMoney(value, ctx.numbers.locale, ctx.numbers.sheet);
      return money === null
        ? fail(ctx, 'import_cell_number', { value: clip(value) })
        : { ok: true, value: money };
    }
    case 'number': {
      const n = parseNumber(value, ctx.numbers.locale, ctx.numbers.sheet);
      return n === null
        ? fail(ctx, 'import_cell_number', { value: clip(value) })
        : { ok: true, value: n };
    }
    case 'manager':
      return value.length > 200 ? fail(ctx, 'too_long', { max: 200 }) : { ok: true, value };
    case 'stage': {
      const stage =
        STAGE_BY_WORD.get(value.toLowerCase().replace(/ё/g, 'е')) ??
        STAGE_BY_WORD.get(value.toLowerCase());
      return stage
        ? { ok: true, value: stage }
        : fail(ctx, 'import_cell_stage', { value: clip(value) });
    }
    case 'kind': {
      const v = value.toLowerCase();
      if (COMPANY_WORDS.has(v)) return { ok: true, value: 'company' };
      if (PERSON_WORDS.has(v)) return { ok: true, value: 'person' };
      return fail(ctx, 'import_cell_kind', { value: clip(value) });
    }
    case 'tags':
      return checked('tags', parseList(value), ctx);
    case 'custom':
      return convertCustom(field, header, value, ctx);
  }
}

function convertCustom(
  field: TargetField,
  header: string,
  value: string,
  ctx: ConvertContext,
): Converted {
  const def = field.def!;
  const label = def.label;
  const choose = (v: string) => def.options.find((o) => o.toLowerCase() === v.toLowerCase());
  let out: CustomValue | undefined;
  switch (def.type) {
    case 'text':
      if (value.length > 2000) return fail(ctx, 'too_long', { max: 2000 });
      out = value;
      break;
    case 'number':
      out = parseNumber(value, ctx.numbers.locale, ctx.numbers.sheet) ?? undefined;
      if (out === undefined) return fail(ctx, 'custom_number', { label });
      break;
    case 'money':
      out = parseMoney(value, ctx.numbers.locale, ctx.numbers.sheet) ?? undefined;
      if (out === undefined) return fail(ctx, 'import_cell_number', { value: clip(value) });
      break;
    case 'date':
      out = parseDate(value, ctx.dateOrders[header] ?? null) ?? undefined;
      if (out === undefined) return fail(ctx, 'import_cell_date', { value: clip(value) });
      break;
    case 'boolean':
      out = parseBoolean(value) ?? undefined;
      if (out === undefined) return fail(ctx, 'custom_boolean', { label });
      break;
    case 'choice':
      out = choose(value);
      if (out === undefined)
        return fail(ctx, 'custom_choice', { label, options: def.options.join(', ') });
      break;
    case 'multichoice': {
      out = pickOptions(value, def.options) ?? undefined;
      if (out === undefined)
        return fail(ctx, 'custom_choice', { label, options: def.options.join(', ') });
      break;
    }
  }
  return { ok: true, value: out };
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** The last day `addYear` was asked about, and its answer: one day for a million rows. */
let yearAhead = { from: '', to: '' };

function addYear(isoDate: string): string {
  if (yearAhead.from !== isoDate) {
    yearAhead = { from: isoDate, to: `${Number(isoDate.slice(0, 4)) + 1}${isoDate.slice(4)}` };
  }
  return yearAhead.to;
}
