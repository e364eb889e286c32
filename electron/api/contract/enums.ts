/**
 * Closed lists of values shared by the contract and the renderer. This file imports nothing,
 * so the renderer can use the lists without pulling validation code into its bundle.
 */
export const STAGES = [
  'prospect',
  'first_purchase',
  'repeat',
  'regular',
  'advocate',
  'lost',
  'won_back',
] as const;
export type Stage = (typeof STAGES)[number];

export const CLIENT_KINDS = ['person', 'company'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The currencies a workbook keeps its money in (ISO 4217). */
export const CURRENCIES = ['RUB', 'USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const COMMENT_KINDS = [
  'note',
  'call',
  'meeting',
  'email',
  'visit',
  'offer',
  'invoice',
] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** The touch mix: useful content, company news, or an offer. */
export const TOUCH_KINDS = ['content', 'news', 'offer'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

export const FILTER_OPS = [
  'eq',
  'neq',
  'contains',
  'empty',
  'notEmpty',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** Columns computed from related records, usable in filters, sorting and the list. */
export const RELATED_FIELDS = [
  'lastPurchase',
  'revenueYear',
  'lastContact',
  'suggestedStage',
] as const;
export type RelatedField = (typeof RELATED_FIELDS)[number];

export const BULK_ACTIONS = [
  'setManager',
  'setStage',
  'applySuggestedStage',
  'addTag',
  'setCustom',
  'delete',
] as const;
export type BulkActionType = (typeof BULK_ACTIONS)[number];

/** The type of a custom (portrait) field. */
export const FIELD_TYPES = [
  'text',
  'number',
  'money',
  'date',
  'boolean',
  'choice',
  'multichoice',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The unit of a repeating reminder's interval. */
export const REPEAT_UNITS = ['day', 'week', 'month', 'year'] as const;
export type RepeatUnit = (typeof REPEAT_UNITS)[number];

/** Contact cadences for a kind of business, offered in the settings. */
export const CADENCE_PRESETS = ['salon', 'clothing', 'building'] as const;
export type CadencePreset = (typeof CADENCE_PRESETS)[number];

/** The period XYZ measures the regularity of revenue by. */
export const XYZ_PERIODS = ['week', 'month', 'quarter'] as const;
export type XyzPeriod = (typeof XYZ_PERIODS)[number];

/** What to do with a group of rows of an import file that match each other. */
export const GROUP_CHOICES = ['first', 'last', 'each', 'skip', 'merge'] as const;
export type ImportGroupChoice = (typeof GROUP_CHOICES)[number];

/** A plan period: `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
export const PERIOD = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/;
