/**
 * The CSV formula guard, both ways. Excel and LibreOffice run a cell that starts with `=`, `@`
 * (or a tab or carriage return, per OWASP's CSV injection advice) as a formula, and one that
 * starts with `+` or `-` when the rest is more than a plain number or phone. Such text gets a
 * leading apostrophe, which the spreadsheet hides and the import takes off again. A phone like
 * `+7 (901) 872-17-84` or an amount like `-1 200,50` is left alone, so the file reads back as it
 * was written by any program.
 *
 * Text that already starts with apostrophes before such a start is guarded too; so the import
 * strips exactly one apostrophe where what follows looks guarded, and `guard` then `unguard`
 * gives back every text unchanged.
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

/** True when a text, after any leading apostrophes, would run as a formula. */
function needsGuard(text: string): boolean {
  let start = 0;
  while (text.charCodeAt(start) === 0x27) start += 1;
  return runsAsFormula(start === 0 ? text : text.slice(start));
}

/** A text cell as written to a CSV: `'` before what a spreadsheet would run. */
export function guardFormula(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/** A CSV cell as the text it was before `guardFormula`. */
export function unguardFormula(cell: string): string {
  return cell.charCodeAt(0) === 0x27 && needsGuard(cell.slice(1)) ? cell.slice(1) : cell;
}
