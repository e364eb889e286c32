/** Keys of custom fields: what the main process accepts, and a suggestion made from a label. */

/** The same rule as the contract's `fieldKey`. */
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
export const FIELD_KEY_MAX = 40;

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

/**
 * "Площадь магазина, м²" → "ploshchad_magazina_m2": Cyrillic transliterated, accents and
 * superscripts folded (NFKD), everything else an underscore; a leading digit gets "f_".
 */
export function keyFromLabel(label: string): string {
  const latin = [...label.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join('');
  const key = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const prefixed = /^[0-9]/.test(key) ? `f_${key}` : key;
  return prefixed.slice(0, FIELD_KEY_MAX).replace(/_+$/, '');
}
