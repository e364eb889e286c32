/** "5 минут назад" / "5 minutes ago": how long since a moment, in the current language. */
import { formatDistanceStrict } from 'date-fns';
import { enUS, ru } from 'date-fns/locale';
import i18next from 'i18next';

const JUST_NOW_MS = 60_000;

/** `now` is passed in (the moment the status was read), so a render stays pure. */
export function timeAgo(iso: string, now: number): string {
  const at = new Date(iso);
  // A moment a few seconds "ahead" (another clock) reads as now, not as "in 3 seconds".
  if (now - at.getTime() < JUST_NOW_MS) return i18next.t('sync.justNow');
  return formatDistanceStrict(at, now, {
    addSuffix: true,
    roundingMethod: 'floor',
    locale: i18next.language === 'en' ? enUS : ru,
  });
}
