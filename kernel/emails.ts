/**
 * E-mail addresses as people have them, internationalised ones included (`c1@пример.рф`,
 * `имя@почта.рф`, RFC 6531/6532): one test of validity for the card, the import and the
 * channels, and the one form two addresses are compared by.
 */

export const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX = 64;
const LABEL_MAX = 63;

/** A dot-atom local part: letters of any script, digits and RFC 5322's printable symbols. */
const LOCAL_ATOM = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+$/u;
/** A domain label: letters of any script, digits and inner hyphens. */
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
/** A top-level domain: letters (`ru`, `рф`) or an ASCII-encoded one (`xn--p1ai`). */
const TLD = /^(?:[\p{L}\p{M}]{2,}|xn--[a-z0-9-]+)$/iu;

/** The plain ASCII address most files hold: decided by one regular expression. */
const ASCII_EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,}|xn--[a-z0-9-]+)$/i;

/** True for an address someone can send mail to: `name@domain.tld`, in any script. */
export function isEmail(value: string): boolean {
  const v = value.trim();
  if (v.length === 0 || v.length > EMAIL_MAX_LENGTH) return false;
  if (ASCII_EMAIL.test(v)) return v.indexOf('@') <= LOCAL_MAX;
  const at = v.lastIndexOf('@');
  if (at <= 0) return false;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  if (local.length > LOCAL_MAX) return false;
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom))) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => label.length <= LABEL_MAX && LABEL.test(label))) return false;
  return TLD.test(labels.at(-1)!);
}

/** The form two addresses are compared by: trimmed, lower case, Unicode-composed; null if empty. */
export function emailKey(value: string | null | undefined): string | null {
  const t = value?.trim();
  // Composing matters for other scripts only; plain ASCII is left as it is (100,000 rows).
  const v = t && /[^\x20-\x7e]/.test(t) ? t.normalize('NFC').toLowerCase() : t?.toLowerCase();
  return v ? v : null;
}
