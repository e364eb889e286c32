/**
 * Message templates with the client's fields (issue 17): `Здравствуйте, {имя} {отчество}!`.
 * A placeholder names a standard field in Russian or English (`{имя}`, `{first name}`) or a
 * custom field by its label or key; case, `ё`/`е`, spaces and underscores do not matter. The
 * names are split from the client's one `name` field, written in the Russian order
 * «Фамилия Имя Отчество»; a company keeps its name whole.
 */

export const TEMPLATE_FIELDS = [
  'firstName',
  'patronymic',
  'lastName',
  'lastPurchase',
  'manager',
  'company',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

const ALIASES: Record<TemplateField, string[]> = {
  firstName: ['имя', 'first name', 'firstname'],
  patronymic: ['отчество', 'patronymic', 'middle name'],
  lastName: ['фамилия', 'last name', 'lastname', 'surname'],
  lastPurchase: ['последняя покупка', 'last purchase'],
  manager: ['менеджер', 'manager'],
  company: ['компания', 'company'],
};

/** How a placeholder's name is compared. */
export function foldPlaceholder(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s_]+/g, ' ');
}

const STANDARD = new Map<string, TemplateField>(
  TEMPLATE_FIELDS.flatMap((field) => ALIASES[field].map((a) => [foldPlaceholder(a), field])),
);

export type Placeholder = { field: TemplateField } | { custom: string };

export interface CustomFieldName {
  key: string;
  label: string;
}

type Part = { text: string } | { name: string };

/** Literal text and `{placeholders}`, in order. Call after `templateSyntaxProblem` is null. */
function parts(template: string): Part[] {
  const out: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
    if (m.index > last) out.push({ text: template.slice(last, m.index) });
    out.push({ name: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push({ text: template.slice(last) });
  return out;
}

/** Why a template cannot be read (a message key), or null: a stray brace, an empty `{}`. */
export function templateSyntaxProblem(
  template: string,
): 'template_brace' | 'template_placeholder_empty' | null {
  const stripped = template.replace(/\{[^{}]*\}/g, (m) => (m.slice(1, -1).trim() ? '' : '\u0000'));
  if (stripped.includes('\u0000')) return 'template_placeholder_empty';
  return /[{}]/.test(stripped) ? 'template_brace' : null;
}

export function resolvePlaceholder(
  name: string,
  custom: readonly CustomFieldName[],
): Placeholder | null {
  const folded = foldPlaceholder(name);
  const field = STANDARD.get(folded);
  if (field) return { field };
  const def =
    custom.find((c) => foldPlaceholder(c.label) === folded) ??
    custom.find((c) => foldPlaceholder(c.key) === folded);
  return def ? { custom: def.key } : null;
}

/** The placeholders no field answers to, as written, each once. */
export function unknownPlaceholders(
  template: string,
  custom: readonly CustomFieldName[],
): string[] {
  const names = parts(template).flatMap((p) => ('name' in p ? [p.name.trim()] : []));
  return [...new Set(names.filter((n) => resolvePlaceholder(n, custom) === null))];
}

export interface Filled {
  text: string;
  /** Placeholders the client has no value for (filled with nothing), as written. */
  empty: string[];
  /** Placeholders no field answers to (left in the text as written): never send such a text. */
  unknown: string[];
}

/**
 * The template with each placeholder replaced by `value(placeholder)`. A placeholder with no
 * value takes its space with it, so `{имя} {отчество}!` without a patronymic reads `Анна!`.
 */
export function fillTemplate(
  template: string,
  custom: readonly CustomFieldName[],
  value: (p: Placeholder) => string,
): Filled {
  let text = '';
  const empty = new Set<string>();
  const unknown = new Set<string>();
  const list = parts(template);
  list.forEach((part, i) => {
    if ('text' in part) {
      text += part.text;
      return;
    }
    const placeholder = resolvePlaceholder(part.name, custom);
    if (!placeholder) {
      unknown.add(part.name.trim());
      text += `{${part.name}}`;
      return;
    }
    const filled = value(placeholder).trim();
    if (filled) {
      text += filled;
      return;
    }
    empty.add(part.name.trim());
    const next = list[i + 1];
    const after = next && 'text' in next ? next.text : '';
    if (text.endsWith(' ') && (after === '' || /^[\s,.!?;:)]/.test(after))) {
      text = text.slice(0, -1);
      // «Здравствуйте, {имя}!» without a name reads «Здравствуйте!», not «Здравствуйте,!».
      if (text.endsWith(',') && /^[.!?;:]/.test(after)) text = text.slice(0, -1);
    }
  });
  return { text, empty: [...empty], unknown: [...unknown] };
}

export interface PersonName {
  lastName: string;
  firstName: string;
  patronymic: string;
}

const PATRONYMIC = /(ович|евич|ьич|ич|овна|евна|ична|инична|оглы|кызы)$/i;

/**
 * The parts of a client's name. Russian order «Фамилия Имя Отчество»; a patronymic in second
 * place means «Имя Отчество [Фамилия]»; one word is a first name; a company keeps its name
 * whole as the first name (so `{имя}` still greets it).
 */
export function splitName(name: string, kind: 'person' | 'company'): PersonName {
  const whole = name.trim().replace(/\s+/g, ' ');
  if (kind === 'company' || whole === '') {
    return { lastName: '', firstName: whole, patronymic: '' };
  }
  const w = whole.split(' ');
  if (w.length === 1) return { lastName: '', firstName: w[0]!, patronymic: '' };
  if (PATRONYMIC.test(w[1]!)) {
    return { firstName: w[0]!, patronymic: w[1]!, lastName: w.slice(2).join(' ') };
  }
  return { lastName: w[0]!, firstName: w[1]!, patronymic: w.slice(2).join(' ') };
}

const MONTHS: Record<'ru' | 'en', string[]> = {
  // The genitive: a date in a sentence reads «12 марта 2026».
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** A `YYYY-MM-DD` date as a message writes it: «12 марта 2026», "March 12, 2026". */
export function messageDate(date: string, locale: 'ru' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const month = MONTHS[locale][Number(m[2]) - 1] ?? m[2]!;
  const day = Number(m[3]);
  return locale === 'en' ? `${month} ${day}, ${m[1]}` : `${day} ${month} ${m[1]}`;
}

/** A custom field's definition as a template needs it: its names, and its type for the value. */
export interface TemplateCustomField extends CustomFieldName {
  type: 'text' | 'number' | 'money' | 'date' | 'boolean' | 'choice' | 'multichoice';
}

export type TemplateCustomValue = string | number | boolean | string[] | null;

/** What a message is filled from: one client, its manager and its last purchase. */
export interface TemplateClient {
  name: string;
  kind: 'person' | 'company';
  /** The company a person works at (a company client's own name is `name`). */
  company: string | null;
  managerName: string | null;
  /** `YYYY-MM-DD`, null when the client has bought nothing. */
  lastPurchase: string | null;
  custom: Readonly<Record<string, TemplateCustomValue>>;
}

/** A custom field's value in a sentence, in the message's language. */
export function customText(
  type: TemplateCustomField['type'],
  value: TemplateCustomValue | undefined,
  locale: 'ru' | 'en',
): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean')
    return locale === 'ru' ? (value ? 'да' : 'нет') : value ? 'yes' : 'no';
  if (typeof value === 'number') {
    const major = type === 'money' ? value / 100 : value;
    return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-US', {
      maximumFractionDigits: type === 'money' ? 2 : 15,
      minimumFractionDigits: type === 'money' && !Number.isInteger(major) ? 2 : 0,
    })
      .format(major)
      .replace(/\u00a0|\u202f/g, ' ');
  }
  return type === 'date' ? messageDate(value, locale) : value;
}

/** The template filled for one client, in the message's language. */
export function renderTemplate(
  template: string,
  client: TemplateClient,
  fields: readonly TemplateCustomField[],
  locale: 'ru' | 'en',
): Filled {
  const names = splitName(client.name, client.kind);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return fillTemplate(template, fields, (p) => {
    if ('custom' in p) {
      const field = byKey.get(p.custom);
      return field ? customText(field.type, client.custom[p.custom], locale) : '';
    }
    switch (p.field) {
      case 'firstName':
        return names.firstName;
      case 'patronymic':
        return names.patronymic;
      case 'lastName':
        return names.lastName;
      case 'lastPurchase':
        return client.lastPurchase ? messageDate(client.lastPurchase, locale) : '';
      case 'manager':
        return client.managerName ?? '';
      case 'company':
        return client.kind === 'company' ? client.name.trim() : (client.company ?? '');
    }
  });
}
