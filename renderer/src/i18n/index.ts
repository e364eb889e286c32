/** The renderer's i18n layer: i18next with the Russian and English catalogues bundled. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../electron/api/contract';
import { en } from './en';
import { ru } from './ru';
import { I18N_POST_PROCESS, noDoubleStop } from './sentence';

export { detectLocale } from './detect';

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  await i18next
    .use(initReactI18next)
    .use(noDoubleStop)
    .init({
      resources: { en: { translation: en }, ru: { translation: ru } },
      lng: locale,
      fallbackLng: 'ru',
      interpolation: { escapeValue: false },
      returnObjects: true,
      postProcess: I18N_POST_PROCESS,
      // i18next 25 advertises its vendor in the console on every start; a user reads that as noise.
      showSupportNotice: false,
    });
  document.documentElement.lang = locale;
  return i18next;
}

export async function switchLanguage(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
