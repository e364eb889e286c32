/**
 * Who a generated client is: name, kind, phones in the formats people really type, email,
 * company, address, birthday. Mostly Russian people, some companies («ООО …», «ИП …») and a few
 * English names.
 */
import type { ClientKind } from '../../electron/api/contract';
import { transliterate } from '../../kernel/transliterate';
import type { Rng } from './prng';
import {
  CITIES,
  COMPANY_HEADS,
  COMPANY_TAILS,
  EMAIL_DOMAINS,
  ENGLISH_FIRST,
  ENGLISH_LAST,
  FEMALE_NAMES,
  MALE_NAMES,
  PATRONYMIC_ROOTS,
  POSITIONS,
  STREETS,
  SURNAMES,
} from './vocabulary';

export interface Identity {
  kind: ClientKind;
  name: string;
  company: string | null;
  position: string | null;
  phone: string | null;
  phone2: string | null;
  email: string | null;
  address: string | null;
  birthday: string | null;
  taxId: string | null;
}

/** Zipf-like weights so that common surnames (Иванов, Смирнов) are common in the data too. */
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / Math.pow(i + 1, 0.7));

export function translit(s: string): string {
  return transliterate(s).replace(/[^a-z0-9.]/g, '');
}

/** The feminine form of a masculine surname. */
function feminine(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (surname.endsWith('ский')) return `${surname.slice(0, -4)}ская`;
  return surname;
}

function mobile(rng: Rng): string {
  const op = `9${rng.digits(2)}`;
  const [a, b, c] = [rng.digits(3), rng.digits(2), rng.digits(2)];
  return rng.weighted(
    [
      `+7 ${op} ${a}-${b}-${c}`,
      `8 (${op}) ${a}-${b}-${c}`,
      `+7${op}${a}${b}${c}`,
      `8${op}${a}${b}${c}`,
      `+7 (${op}) ${a} ${b} ${c}`,
      `8-${op}-${a}-${b}-${c}`,
    ],
    [30, 20, 15, 15, 12, 8],
  );
}

function landline(rng: Rng, code: string): string {
  const [a, b, c] = [rng.digits(3), rng.digits(2), rng.digits(2)];
  return rng.chance(0.6) ? `8 (${code}) ${a}-${b}-${c}` : `+7 ${code} ${a}-${b}-${c}`;
}

function foreign(rng: Rng): string {
  return rng.pick([
    `+44 20 ${rng.digits(4)} ${rng.digits(4)}`,
    `+49 30 ${rng.digits(7)}`,
    `+375 29 ${rng.digits(3)}-${rng.digits(2)}-${rng.digits(2)}`,
    `+1 (212) ${rng.digits(3)}-${rng.digits(4)}`,
  ]);
}

function companyName(rng: Rng): string {
  return `${rng.pick(COMPANY_HEADS)}${rng.pick(COMPANY_TAILS)}`;
}

function birthday(rng: Rng, nowYear: number): string {
  const year = rng.int(nowYear - 75, nowYear - 20);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function email(rng: Rng, first: string, last: string): string {
  const f = translit(first);
  const l = translit(last);
  const local = rng.pick([`${f[0] ?? 'x'}.${l}`, `${l}.${f}`, `${f}${l}`, `${l}${rng.int(1, 99)}`]);
  return `${local}@${rng.pick(EMAIL_DOMAINS)}`;
}

/** A Russian or English person: surname first for Russians, as they are written in lists. */
function person(rng: Rng) {
  if (rng.chance(0.08)) {
    const first = rng.pick(ENGLISH_FIRST);
    const last = rng.pick(ENGLISH_LAST);
    return { name: `${first} ${last}`, first, last, foreign: true };
  }
  const female = rng.chance(0.5);
  const surname = rng.weighted(SURNAMES, SURNAME_WEIGHTS);
  const last = female ? feminine(surname) : surname;
  const first = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const patronymic = rng.chance(0.2) ? ` ${rng.pick(PATRONYMIC_ROOTS)}${female ? 'на' : 'ич'}` : '';
  return { name: `${last} ${first}${patronymic}`, first, last, foreign: false };
}

function address(rng: Rng, city: string): string {
  const flat = rng.chance(0.5) ? `, кв. ${rng.int(1, 300)}` : '';
  return `г. ${city}, ${rng.pick(STREETS)}, д. ${rng.int(1, 150)}${flat}`;
}

export function makeIdentity(rng: Rng, nowYear: number): Identity {
  const city = rng.weighted(CITIES, [40, 12, 8, 10, 8, 6, 5, 4, 4, 3]);
  const roll = rng.next();
  if (roll < 0.1) {
    const company = companyName(rng);
    return {
      kind: 'company',
      name: `ООО «${company}»`,
      company: null,
      position: null,
      phone: landline(rng, city.code),
      phone2: rng.chance(0.5) ? mobile(rng) : null,
      email: rng.chance(0.8) ? `info@${translit(company)}.ru` : null,
      address: address(rng, city.name),
      birthday: null,
      taxId: rng.chance(0.9) ? rng.digits(10) : null,
    };
  }
  const p = person(rng);
  if (roll < 0.17) {
    const initials = `${p.first[0] ?? ''}. ${rng.pick(PATRONYMIC_ROOTS)[0] ?? ''}.`;
    return {
      kind: 'company',
      name: `ИП ${p.last} ${initials}`,
      company: null,
      position: null,
      phone: mobile(rng),
      phone2: rng.chance(0.3) ? landline(rng, city.code) : null,
      email: rng.chance(0.7) ? email(rng, p.first, p.last) : null,
      address: address(rng, city.name),
      birthday: null,
      taxId: rng.chance(0.9) ? rng.digits(12) : null,
    };
  }
  const works = rng.chance(0.25);
  return {
    kind: 'person',
    name: p.name,
    company: works ? `ООО «${companyName(rng)}»` : null,
    position: works && rng.chance(0.7) ? rng.pick(POSITIONS) : null,
    phone: p.foreign ? foreign(rng) : rng.chance(0.95) ? mobile(rng) : null,
    phone2: rng.chance(0.12) ? landline(rng, city.code) : null,
    email: rng.chance(0.65) ? email(rng, p.first, p.last) : null,
    address: rng.chance(0.4) ? address(rng, city.name) : null,
    birthday: rng.chance(0.55) ? birthday(rng, nowYear) : null,
    taxId: null,
  };
}
