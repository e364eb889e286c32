/** Turns zod's issues into sentences in the user's language, each with the path it concerns. */
import type { z } from 'zod';
import type { ApiIssue, Locale } from './contract';
import { isMessageKey, translate, typeName } from './messages';

export function localizeIssues(error: z.ZodError, locale: Locale): ApiIssue[] {
  return error.issues.map((issue) => {
    // An unknown key is reported on the object; point at the key itself instead.
    const path =
      issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return { path: path.map(String).join('.'), message: describe(issue, locale) };
  });
}

function describe(issue: z.core.$ZodIssue, locale: Locale): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return translate(locale, 'required');
      if (issue.expected === 'int') return translate(locale, 'not_integer');
      return translate(locale, 'wrong_type', { expected: typeName(locale, issue.expected) });
    case 'too_big':
      if (issue.origin === 'string')
        return translate(locale, 'too_long', { max: Number(issue.maximum) });
      if (issue.origin === 'array')
        return translate(locale, 'too_long_list', { max: Number(issue.maximum) });
      return translate(locale, 'too_big_number', { max: Number(issue.maximum) });
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array')
        return translate(locale, 'required');
      return translate(locale, 'too_small_number', { min: Number(issue.minimum) });
    case 'unrecognized_keys':
      return translate(locale, 'unknown_field', { keys: issue.keys.join(', ') });
    case 'invalid_value':
      return translate(locale, 'one_of', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return translate(locale, issue.format === 'email' ? 'email' : 'invalid_value');
    case 'custom': {
      const key: unknown = issue.params?.['key'];
      return isMessageKey(key) ? translate(locale, key) : translate(locale, 'invalid_value');
    }
    default:
      return translate(locale, 'invalid_value');
  }
}
