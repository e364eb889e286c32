/**
 * The Backups screen: the open workbook's backups, newest first (when, kind, size, clients);
 * a backup by hand; a restore behind a question that says where the workbook as it is now is
 * kept; and, for a damaged workbook, the newest good backup offered first.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { BackupInfo } from '../../../../electron/api/contract';
import { formatDateTime } from '../../lib/format';
import { BackupList } from './BackupList';
import { DamagedPanel } from './DamagedPanel';
import { ErrorLine } from './ErrorLine';
import { RestoreDialog } from './RestoreDialog';
import { backupsFolder, useBackUpNow, useBackups } from './useBackups';
import { formatBytes, useWorkbookInfo } from './useWorkbook';
import './workbook.css';
import './backups.css';

export function BackupsPage() {
  const { t } = useTranslation();
  const info = useWorkbookInfo();
  const backups = useBackups();
  const backUp = useBackUpNow();
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<{ date: string; path: string } | null>(null);
  const wb = info.data;
  const damaged = wb?.integrity === 'damaged';
  // A restore goes into a writable workbook, or in the place of a damaged one.
  const canRestore = Boolean(wb && (!wb.readOnly || damaged));
  const list = backups.data ?? [];
  const onRestored = (backup: BackupInfo) => (keptAs: string) => {
    setChosen(null);
    backUp.reset();
    setRestored({ date: formatDateTime(backup.createdAt), path: keptAs });
  };
  return (
    <section className="page workbook backups">
      <header className="page__header">
        <h1>{t('bak.title')}</h1>
        <NavLink to="/workbook" className="bak-back">
          {t('bak.back')}: {wb?.name}
        </NavLink>
      </header>
      <ErrorLine error={info.error} />
      {wb ? <DamagedPanel info={wb} onRestore={setChosen} /> : null}
      {restored ? (
        <p className="wb-done bak-restored" role="status" data-testid="restored">
          {t('bak.restored', { date: restored.date, path: restored.path })}
        </p>
      ) : null}
      <section className="wb-panel" aria-label={t('bak.title')}>
        <p className="muted wb-lead">{t('bak.lead')}</p>
        {list[0] ? (
          <p className="muted wb-lead bak-folder">
            {t('bak.folder', { folder: backupsFolder(list[0]) })}
          </p>
        ) : null}
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={backUp.isPending || !wb || damaged}
            aria-busy={backUp.isPending}
            onClick={() => {
              setRestored(null);
              backUp.mutate();
            }}
          >
            {backUp.isPending ? t('bak.backingUp') : t('bak.backUp')}
          </button>
          {wb?.readOnly && !damaged ? <span className="muted">{t('bak.readOnly')}</span> : null}
        </div>
        <ErrorLine error={backUp.error} />
        {backUp.data ? (
          <p className="wb-done" role="status" data-testid="backup-made">
            {t('bak.made', {
              date: formatDateTime(backUp.data.createdAt),
              size: formatBytes(backUp.data.sizeBytes),
            })}
          </p>
        ) : null}
        <ErrorLine error={backups.error} />
        {backups.isPending ? <p className="muted">{t('bak.loading')}</p> : null}
        {backups.isSuccess && list.length === 0 ? (
          <p className="empty empty--inline bak-empty" data-testid="backups-empty">
            {t('bak.empty')}
          </p>
        ) : null}
        {list.length > 0 ? (
          <BackupList backups={list} canRestore={canRestore} onRestore={setChosen} />
        ) : null}
      </section>
      {chosen ? (
        <RestoreDialog
          backup={chosen}
          onClose={() => setChosen(null)}
          onRestored={onRestored(chosen)}
        />
      ) : null}
    </section>
  );
}
