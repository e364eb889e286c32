/** The OS (browser) language as one of the app's two; its own module, light for the start. */
import type { Locale } from '../../../electron/api/contract';

export function detectLocale(languages: readonly string[] = navigator.languages): Locale {
  const first = languages[0] ?? 'ru';
  return first.toLowerCase().startsWith('en') ? 'en' : 'ru';
}
