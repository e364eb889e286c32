/** The Today screen (start screen): built in the reminders issue. */
import { useTranslation } from 'react-i18next';

export function TodayPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('nav.today')}</h1>
    </section>
  );
}
