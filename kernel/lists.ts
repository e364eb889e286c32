/**
 * Lists in one spreadsheet cell (tags, a multichoice field's options), written by the export and
 * read by the import the same way, so they read back item for item.
 */

/**
 * A list cell: items on separate lines, else separated by semicolons, else by commas
 * (`a, b` → [a, b]; `опт, розница; vip` → ["опт, розница", vip]). Written by `joinList`.
 */
export function parseList(value: string): string[] {
  const separator = value.includes('\n') ? '\n' : value.includes(';') ? ';' : ',';
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A list as one cell that `parseList` reads back: `, ` unless an item holds a comma. */
export function joinList(items: string[]): string {
  if (!items.some((i) => /[,;\n]/.test(i))) return items.join(', ');
  if (!items.some((i) => /[;\n]/.test(i))) return items.join('; ');
  return items.join('\n');
}

/**
 * The options a multichoice cell names, matched against the field's options so that an option
 * with a comma in it (`Краски, лаки`) is one option; null when an item is not an option.
 */
export function pickOptions(value: string, options: string[]): string[] | null {
  const longestFirst = [...options].sort((a, b) => b.length - a.length);
  const text = value.toLowerCase();
  const picked = new Set<string>();
  let at = 0;
  for (;;) {
    while (at < text.length && /[\s,;]/.test(text[at]!)) at += 1;
    if (at >= text.length) break;
    const option = longestFirst.find((o) => {
      if (!text.startsWith(o.toLowerCase(), at)) return false;
      const rest = text.slice(at + o.length);
      return /^\s*(?:[,;\n]|$)/.test(rest);
    });
    if (!option) return null;
    picked.add(option);
    at += option.length;
  }
  return options.filter((o) => picked.has(o));
}
