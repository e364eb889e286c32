/**
 * What an empty workbook offers on a first run: the two first steps (a client by hand, a file
 * from 1C or Excel), and the demo workbook to see every screen filled at once.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { channelQuery } from '../../api/channel-query';
import { DemoButton } from './DemoButton';
import './first-run.css';

/**
 * True once the workbook is known to hold no client at all (the trash included). The trash is
 * asked only when no live client is there: on a large workbook its first reading took 0.4 s of
 * the shell's time at every open of Today, and held up the list a user went on to.
 */
export function useEmptyWorkbook(): boolean {
  const live = useQuery(channelQuery('clients.list', { limit: 1 }));
  const noneLive = live.data?.total === 0;
  const trash = useQuery({
    ...channelQuery('clients.list', { limit: 1, trash: true }),
    enabled: noneLive,
  });
  return noneLive && trash.data?.total === 0;
}

export function FirstSteps() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section className="first-steps" aria-labelledby="first-steps-title" data-testid="first-steps">
      <h2 id="first-steps-title">{t('firstRun.title')}</h2>
      <p className="muted">{t('firstRun.lead')}</p>
      <ol className="first-steps__list">
        <li>
          <h3>{t('firstRun.add.title')}</h3>
          <p>{t('firstRun.add.body')}</p>
          <button type="button" className="primary" onClick={() => void navigate('/clients?new=1')}>
            {t('firstRun.add.button')}
          </button>
        </li>
        <li>
          <h3>{t('firstRun.import.title')}</h3>
          <p>{t('firstRun.import.body')}</p>
          <button type="button" onClick={() => void navigate('/import')}>
            {t('firstRun.import.button')}
          </button>
        </li>
        <li>
          <h3>{t('firstRun.demo.title')}</h3>
          <p>{t('firstRun.demo.body')}</p>
          <DemoButton />
        </li>
      </ol>
    </section>
  );
}
