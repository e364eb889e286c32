/**
 * How a generated client behaves over time: what kind of buyer it is, when it buys (more in
 * November–December, less in summer), whether it stops buying (churn), which stage that makes
 * it, and what its managers wrote about it.
 */
import type { CommentKind, Stage, TouchKind } from '../../electron/api/contract';
import type { Rng } from './prng';
import { BRANDS, CATEGORIES, COMMENT_TEMPLATES, type Category } from './vocabulary';

const DAY = 86_400_000;

/** Relative demand by calendar month, January first. */
export const SEASON = [0.8, 0.85, 1, 1.05, 0.95, 0.65, 0.6, 0.75, 1, 1.1, 1.45, 1.7] as const;

type Profile = 'prospect' | 'once' | 'occasional' | 'regular' | 'key';
const PROFILES: readonly Profile[] = ['prospect', 'once', 'occasional', 'regular', 'key'];
const PROFILE_WEIGHTS = [20, 20, 33, 22, 5];

export interface Buyer {
  profile: Profile;
  /** Purchases per month in an average month. */
  rate: number;
  /** When the client stops buying, or null. */
  churnAt: number | null;
  /** Favourite categories, with their weights. */
  categories: readonly Category[];
  weights: readonly number[];
  /** Quantity multiplier: companies buy more at once. */
  scale: number;
}

export interface Sale {
  at: number;
  date: string;
  amount: number;
  margin: number;
  category: string;
  product: string;
  quantity: number;
}

export function makeBuyer(rng: Rng, isCompany: boolean, from: number, now: number): Buyer {
  const profile = rng.weighted(PROFILES, PROFILE_WEIGHTS);
  const rate =
    profile === 'occasional'
      ? 0.08 + rng.next() * 0.17
      : profile === 'regular'
        ? 0.4 + rng.next() * 0.6
        : profile === 'key'
          ? 1.5 + rng.next() * 1.5
          : 0;
  const churnP = { prospect: 0, once: 0, occasional: 0.35, regular: 0.25, key: 0.15 }[profile];
  const churnAt = rng.chance(churnP) ? from + rng.next() * (now - from) : null;
  const categories = rng.some(CATEGORIES, rng.int(1, 3));
  return {
    profile,
    rate,
    churnAt,
    categories,
    weights: categories.map(() => 0.2 + rng.next()),
    scale: isCompany ? 2 + rng.next() * 3 : 1,
  };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function sale(rng: Rng, buyer: Buyer, at: number): Sale {
  const category = rng.weighted(buyer.categories, buyer.weights);
  const [lo, hi] = category.price;
  // Log-uniform unit price rounded to 10 roubles, in kopecks.
  const price = Math.max(
    10,
    Math.round(Math.exp(Math.log(lo) + rng.next() * Math.log(hi / lo)) / 10) * 10,
  );
  const quantity = Math.max(
    1,
    Math.round((price > 5000 ? rng.int(1, 2) : rng.int(1, 12)) * buyer.scale),
  );
  const month = new Date(at).getUTCMonth();
  const amount = Math.round(price * 100 * quantity * (0.85 + 0.15 * (SEASON[month] ?? 1)));
  return {
    at,
    date: isoDate(at),
    amount,
    margin: Math.round(amount * (0.12 + rng.next() * 0.23)),
    category: category.name,
    product: rng.pick(category.products),
    quantity,
  };
}

/** Sales between `from` and now (or the churn date), month by month with seasonal demand. */
export function makeSales(
  rng: Rng,
  buyer: Buyer,
  created: number,
  from: number,
  now: number,
): Sale[] {
  const end = buyer.churnAt ?? now;
  if (buyer.profile === 'prospect' || end <= from) return [];
  const out: Sale[] = [];
  const at = (lo: number, hi: number) => {
    const day = lo + rng.next() * (hi - lo);
    return Math.floor(day / DAY) * DAY + rng.int(9 * 60, 19 * 60) * 60_000;
  };
  if (buyer.profile === 'once') {
    // Clients older than the data window bought some time within it; new ones soon after coming.
    const until = created < from ? end : Math.min(end, from + 60 * DAY);
    out.push(sale(rng, buyer, at(from, until)));
    return out;
  }
  const d = new Date(from);
  let monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  while (monthStart < end) {
    const m = new Date(monthStart);
    const next = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
    const lo = Math.max(monthStart, from);
    const hi = Math.min(next, end);
    const share = (hi - lo) / (next - monthStart);
    const count = rng.poisson(buyer.rate * (SEASON[m.getUTCMonth()] ?? 1) * share);
    const month: Sale[] = [];
    for (let k = 0; k < count; k++) month.push(sale(rng, buyer, at(lo, hi)));
    out.push(...month.sort((a, b) => a.at - b.at));
    monthStart = next;
  }
  return out;
}

/** The stage a person would have set from the sales, with some advocates and won-back ones. */
export function stageOf(rng: Rng, sales: readonly Sale[], now: number): Stage {
  const days = new Set(sales.map((s) => s.date)).size;
  const last = sales.at(-1)?.at ?? null;
  if (days === 0 || last === null) return 'prospect';
  if (last < now - 365 * DAY) return 'lost';
  if (days === 1) return 'first_purchase';
  if (days <= 3) return 'repeat';
  const roll = rng.next();
  return roll < 0.1 ? 'advocate' : roll < 0.14 ? 'won_back' : 'regular';
}

export interface CommentDraft {
  at: number;
  kind: CommentKind;
  touch: TouchKind | null;
  body: string;
}

const KINDS: readonly CommentKind[] = [
  'note',
  'call',
  'meeting',
  'email',
  'visit',
  'offer',
  'invoice',
];
const KIND_WEIGHTS = [20, 35, 8, 15, 8, 8, 6];

export function makeComments(rng: Rng, buyer: Buyer, from: number, now: number): CommentDraft[] {
  const extra = buyer.profile === 'key' || buyer.profile === 'regular' ? 2 : 0;
  const count = Math.min(10, Math.floor(Math.pow(rng.next(), 1.7) * 11) + extra);
  const out: CommentDraft[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(KINDS, KIND_WEIGHTS);
    const template = rng.pick(COMMENT_TEMPLATES[kind]);
    const category = rng.pick(buyer.categories);
    const body = template
      .replace('{brand}', rng.pick(BRANDS))
      .replace('{product}', rng.pick(category.products).toLowerCase())
      .replace('{category}', category.name.toLowerCase())
      .replace('{n}', String(rng.int(3, 15)));
    const touch: TouchKind | null =
      kind === 'offer'
        ? 'offer'
        : (kind === 'email' || kind === 'call') && rng.chance(0.4)
          ? rng.pick(['content', 'news', 'offer'] as const)
          : null;
    const day = from + rng.next() * (now - from);
    const at = Math.min(now, Math.floor(day / DAY) * DAY + rng.int(9 * 60, 19 * 60) * 60_000);
    out.push({ at, kind, touch, body });
  }
  return out.sort((a, b) => a.at - b.at);
}
