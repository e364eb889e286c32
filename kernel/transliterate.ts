/**
 * Cyrillic letters in Latin ones, the one table for the whole program: a custom field's key made
 * from its label ("Площадь" → "ploshchad") and the bench's made-up e-mail addresses. Russian by
 * the passport rules (щ → shch, х → kh, ц → ts; ъ and ь dropped), plus the Ukrainian and
 * Belarusian letters people type in the same labels.
 */
const LATIN: Readonly<Record<string, string>> = {
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

/** The text in lower case with its Cyrillic letters in Latin; every other character stays. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += LATIN[ch] ?? ch;
  return out;
}
