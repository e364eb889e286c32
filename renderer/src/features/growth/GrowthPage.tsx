/** Growth points: clients ranked by headroom (built in the sales and plans issue). */
import { useTranslation } from 'react-i18next';

export function GrowthPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('nav.growth')}</h1>
    </section>
  );
}
