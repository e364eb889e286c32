/** The plain enums of campaigns (issue 17), zod-free so the renderer may import them. */
export const CAMPAIGN_GOALS = [
  'win_back',
  'reactivate',
  'up_sale',
  'cross_sale',
  'birthday',
  'regular_touch',
] as const;
export type CampaignGoal = (typeof CAMPAIGN_GOALS)[number];

export const CAMPAIGN_ACTIONS = ['call', 'message', 'offer', 'visit'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

export const CAMPAIGN_GROUPS = ['contact', 'control'] as const;
export type CampaignGroup = (typeof CAMPAIGN_GROUPS)[number];

/** `done`: contacted (its window starts then); `skipped`: will not be contacted. */
export const MEMBER_STATUSES = ['pending', 'done', 'skipped'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_OUTCOMES = ['reached', 'not_reached', 'refused', 'agreed'] as const;
export type MemberOutcome = (typeof MEMBER_OUTCOMES)[number];

/** The control share when none is given, percent. */
export const DEFAULT_HOLDOUT_PCT = 15;

/** Where a campaign's message went: the program the user sent it from (or the clipboard). */
export const SEND_VIAS = ['email', 'sms', 'call', 'whatsapp', 'telegram', 'copy'] as const;
export type SendVia = (typeof SEND_VIAS)[number];

/** The services a campaign's messages are exported for: a mailing or an SMS service. */
export const CSV_TARGETS = ['email', 'sms'] as const;
export type CsvTarget = (typeof CSV_TARGETS)[number];
