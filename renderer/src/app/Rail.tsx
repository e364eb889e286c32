/** The narrow left rail: sections, and the open workbook and current user at the bottom. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCallback } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useHotkey } from '../lib/useHotkey';
import { channelQuery } from '../api/channel-query';
import { RailSync } from '../features/sync/RailSync';
import { LockMark } from '../features/workbook/LockMark';
import { PortableMark } from '../features/workbook/PortableMark';
import { useWorkbookInfo } from '../features/workbook/useWorkbook';

const SEARCH_KEYS = ['k', 'f'];

export function Rail() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Ctrl+K / Ctrl+F anywhere: go to the client list with the search box focused (the list
  // focuses it on every such visit, itself included). Always a navigation, decided by no
  // rendered location: a click on another section may still be drawing when the keys come, and
  // the location last drawn would say "already on the list" and swallow the keys.
  useHotkey(
    SEARCH_KEYS,
    useCallback(() => {
      const onList = /^#\/clients\/?(?:\?|$)/.test(window.location.hash);
      void navigate('/clients', { state: { focusSearch: true }, replace: onList });
    }, [navigate]),
  );
  const info = useQuery(channelQuery('app.info', {}));
  const workbook = useWorkbookInfo();
  return (
    <nav className="rail" aria-label={t('app.name')}>
      <div className="rail__brand">{t('app.name')}</div>
      <NavLink to="/today" className="rail__link">
        {t('nav.today')}
      </NavLink>
      <NavLink to="/clients" className="rail__link">
        {t('nav.clients')}
      </NavLink>
      <NavLink to="/analytics" className="rail__link">
        {t('nav.analytics')}
      </NavLink>
      <NavLink to="/growth" className="rail__link">
        {t('nav.growth')}
      </NavLink>
      <NavLink to="/campaigns" className="rail__link">
        {t('camp.title')}
      </NavLink>
      <NavLink to="/import" className="rail__link">
        {t('nav.import')}
      </NavLink>
      <NavLink to="/settings" className="rail__link">
        {t('nav.settings')}
      </NavLink>
      <NavLink to="/workbook/backups" className="rail__link" data-testid="nav-backups">
        {t('bak.title')}
      </NavLink>
      <NavLink to="/sync" className="rail__link" data-testid="nav-sync">
        {t('sync.nav')}
      </NavLink>
      <div className="rail__footer">
        <div title={workbook.data?.path}>
          <span className="muted">{t('nav.workbook')}: </span>
          <NavLink to="/workbook" className="rail__workbook" data-testid="workbook-name">
            {workbook.data?.name ?? t('nav.noWorkbook')}
          </NavLink>
          {workbook.data?.encrypted ? (
            <LockMark label={t('pwd.mark')} className="rail__lock" />
          ) : null}
          {workbook.data?.portableState ? (
            <PortableMark state={workbook.data.portableState} className="rail__stick" />
          ) : null}
          {workbook.data?.readOnly ? (
            <span className="rail__mark" data-testid="read-only-mark">
              {t('wbk.readOnlyMark')}
            </span>
          ) : null}
        </div>
        <RailSync />
        {info.data?.actor ? (
          <div>
            <span className="muted">{t('nav.user')}: </span>
            <span data-testid="actor">{info.data.actor}</span>
          </div>
        ) : null}
      </div>
    </nav>
  );
}
