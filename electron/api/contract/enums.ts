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
