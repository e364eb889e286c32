/**
 * The program started on an encrypted workbook: nothing is open until its password is given.
 * Every screen shows this instead; another workbook can be opened from here too.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { ErrorLine } from './ErrorLine';
import { OpenPanel } from './OpenPanel';
import { PasswordPrompt } from './PasswordFields';
import './workbook.css';

export function UnlockPage() {
  const { t } = useTranslation();
  const awaiting = useQuery(channelQuery('workbook.awaitingPassword', {}));
  const open = useMutation({
    mutationFn: (input: { path: string; password: string }) => api.call('workbook.open', input),
  });
  const workbook = awaiting.data;
  return (
    <section className="page workbook">
      <header className="page__header">
        <h1>{t('wbk.title')}</h1>
      </header>
      <ErrorLine error={awaiting.error} />
      {workbook ? (
        <section className="wb-panel" aria-labelledby="wb-unlock-title">
          <h2 id="wb-unlock-title">{t('pwd.ask.title', { name: workbook.name })}</h2>
          <p className="muted wb-lead wb-recent__path">{workbook.path}</p>
          <p className="muted wb-lead">{t('pwd.ask.lead')}</p>
          <PasswordPrompt
            id="wb-unlock-password"
            submit={t('pwd.ask.submit')}
            pending={open.isPending}
            onSubmit={(password) => open.mutate({ path: workbook.path, password })}
          />
          <ErrorLine error={open.error} />
        </section>
      ) : null}
      <h2 className="wb-other">{t('pwd.ask.other')}</h2>
      <OpenPanel current={null} />
    </section>
  );
}
