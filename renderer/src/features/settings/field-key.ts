/** Keys of custom fields: what the main process accepts, and a suggestion made from a label. */
import { transliterate } from '../../../../kernel/transliterate';

/** The same rule as the contract's `fieldKey`. */
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
export const FIELD_KEY_MAX = 40;

/**
 * "Площадь магазина, м²" → "ploshchad_magazina_m2": Cyrillic transliterated (the kernel's
 * table), accents and superscripts folded (NFKD), everything else an underscore; a leading digit
 * gets "f_".
 */
export function keyFromLabel(label: string): string {
  const key = transliterate(label)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const prefixed = /^[0-9]/.test(key) ? `f_${key}` : key;
  return prefixed.slice(0, FIELD_KEY_MAX).replace(/_+$/, '');
}
