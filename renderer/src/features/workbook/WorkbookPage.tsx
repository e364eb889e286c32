/**
 * The Workbook screen: the workbook open now, opening another (by path or from the recent
 * list), a new one, and a copy of this one. What a desktop program's File menu offers, for the
 * browser shell too; and, for a workbook on a stick, its working copy and saving back. Its
 * backups are on a screen of their own (BackupsPage), linked from here.
 */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { CopyPanel } from './CopyPanel';
import { CreatePanel } from './CreatePanel';
import { CurrentPanel } from './CurrentPanel';
import { DamagedPanel } from './DamagedPanel';
import { ErrorLine } from './ErrorLine';
import { OpenPanel } from './OpenPanel';
import { PasswordPanel } from './PasswordPanel';
import { PortablePanel } from './PortablePanel';
import { useWorkbookInfo } from './useWorkbook';
import './workbook.css';
import './backups.css';

export function WorkbookPage() {
  const { t } = useTranslation();
  const info = useWorkbookInfo();
  return (
    <section className="page workbook">
      <header className="page__header">
        <h1>{t('wbk.title')}</h1>
        <NavLink to="/workbook/backups" className="bak-back" data-testid="to-backups">
          {t('bak.title')}
        </NavLink>
      </header>
      <ErrorLine error={info.error} />
      {info.data ? (
        <>
          <DamagedPanel info={info.data} />
          <CurrentPanel info={info.data} />
          {info.data.portableState ? (
            <PortablePanel info={info.data} state={info.data.portableState} />
          ) : null}
          <OpenPanel current={info.data} />
          <CreatePanel current={info.data} />
          <CopyPanel current={info.data} />
          <PasswordPanel info={info.data} />
        </>
      ) : null}
    </section>
  );
}
