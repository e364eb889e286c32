/** The portrait fields of the generated workbook and the values a client gets for them. */
import type { CustomValue, FieldType } from '../../electron/api/contract';
import type { Identity } from './people';
import type { Rng } from './prng';
import { BRANDS, PRICE_SEGMENTS } from './vocabulary';

export interface BenchField {
  key: string;
  label: string;
  type: FieldType;
  options: readonly string[];
  group: string;
}

export const BENCH_FIELDS: readonly BenchField[] = [
  {
    key: 'shop_area',
    label: 'Площадь магазина, м²',
    type: 'number',
    options: [],
    group: 'Магазин',
  },
  {
    key: 'price_segment',
    label: 'Ценовой сегмент',
    type: 'choice',
    options: PRICE_SEGMENTS,
    group: 'Магазин',
  },
  { key: 'brands', label: 'Бренды', type: 'multichoice', options: BRANDS, group: 'Магазин' },
  { key: 'kpp', label: 'КПП', type: 'text', options: [], group: 'Реквизиты' },
  { key: 'last_audit', label: 'Последняя сверка', type: 'date', options: [], group: 'Реквизиты' },
  { key: 'credit_limit', label: 'Кредитный лимит', type: 'money', options: [], group: 'Реквизиты' },
  {
    key: 'loyalty_card',
    label: 'Карта лояльности',
    type: 'boolean',
    options: [],
    group: 'Магазин',
  },
];

/** Values by field key; a field the client has no value for is left out. */
export function makeCustomValues(
  rng: Rng,
  who: Identity,
  now: number,
): [BenchField, CustomValue][] {
  const business = who.kind === 'company';
  const out: [BenchField, CustomValue][] = [];
  for (const field of BENCH_FIELDS) {
    const value = valueFor(rng, field, who, business, now);
    if (value !== null) out.push([field, value]);
  }
  return out;
}

function valueFor(
  rng: Rng,
  field: BenchField,
  who: Identity,
  business: boolean,
  now: number,
): CustomValue {
  switch (field.key) {
    case 'shop_area':
      return rng.chance(business ? 0.6 : 0.08) ? rng.int(4, 400) * 5 : null;
    case 'price_segment':
      return rng.chance(0.7) ? rng.weighted(field.options, [3, 5, 2]) : null;
    case 'brands':
      return rng.chance(0.5) ? rng.some(field.options, rng.int(1, 4)) : null;
    case 'kpp':
      return who.name.startsWith('ООО') && rng.chance(0.8) ? `${rng.digits(4)}01001` : null;
    case 'last_audit':
      return business && rng.chance(0.5)
        ? new Date(now - rng.int(1, 730) * 86_400_000).toISOString().slice(0, 10)
        : null;
    case 'credit_limit':
      return business && rng.chance(0.3) ? rng.int(1, 50) * 10_000 * 100 : null;
    case 'loyalty_card':
      return rng.chance(0.4) ? rng.chance(0.7) : null;
    default:
      return null;
  }
}
