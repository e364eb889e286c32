/**
 * The CSV formula guard, both ways. Excel and LibreOffice run a cell that starts with `=`, `@`
 * (or a tab or carriage return, per OWASP's CSV injection advice) as a formula, and one that
 * starts with `+` or `-` when the rest is more than a plain number or phone. Such text gets a
 * leading apostrophe, which the spreadsheet hides and the import takes off again. A phone like
 * `+7 (901) 872-17-84` or an amount like `-1 200,50` is left alone, so the file reads back as it
 * was written by any program.
 *
 * The import takes one apostrophe off any cell where it stands before `=` `+` `-` `@` (or a
 * tab or CR, or more apostrophes before one of them): so files from older versions and other
 * programs, which guarded every `+7 …` phone, read back too. In return, text that itself starts
 * with apostrophes before one of those characters is guarded, and `guard` then `unguard` gives
 * back every text unchanged.
 */

/** What may follow a leading + or - and still be a number or a phone, not a formula. */
const PLAIN = /^[\d \u00a0().,+-]*$/;

function runsAsFormula(text: string): boolean {
  switch (text[0]) {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return true;
    case '+':
    case '-':
      return !PLAIN.test(text.slice(1));
    default:
      return false;
  }
}

/** The characters an apostrophe may guard, in this version or an older one. */
const GUARDABLE = /^[=@\t\r+-]/;

/** `text` after its leading apostrophes, and whether it had any. */
function afterApostrophes(text: string): { rest: string; quoted: boolean } {
  let start = 0;
  while (text.charCodeAt(start) === 0x27) start += 1;
  return { rest: text.slice(start), quoted: start > 0 };
}

/** True when a text would run as a formula, or would lose an apostrophe to `unguardFormula`. */
function needsGuard(text: string): boolean {
  const { rest, quoted } = afterApostrophes(text);
  return quoted ? GUARDABLE.test(rest) : runsAsFormula(text);
}

/** A text cell as written to a CSV: `'` before what a spreadsheet would run. */
export function guardFormula(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/** A CSV cell as the text it was before `guardFormula` (or an older version's guard). */
export function unguardFormula(cell: string): string {
  // Almost every cell: no apostrophe, nothing to take off.
  if (cell.charCodeAt(0) !== 0x27) return cell;
  const { rest, quoted } = afterApostrophes(cell);
  return quoted && GUARDABLE.test(rest) ? cell.slice(1) : cell;
}
