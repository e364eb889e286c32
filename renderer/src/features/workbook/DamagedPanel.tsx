/**
 * A damaged workbook says so: it is open read-only, its file is kept as it is, and the newest
 * backup that passes its own integrity check is offered (one click, then the restore dialog,
 * which the screen holds: this panel is gone as soon as the workbook is sound again).
 */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { BackupInfo, WorkbookInfo } from '../../../../electron/api/contract';
import { formatDateTime } from '../../lib/format';
import { clientsText } from './BackupList';
import { ErrorLine } from './ErrorLine';
import { useNewestGoodBackup } from './useBackups';

interface Props {
  info: WorkbookInfo;
  /** Asks to restore the backup offered; absent elsewhere than on the Backups screen (a link to it). */
  onRestore?: ((backup: BackupInfo) => void) | undefined;
}

export function DamagedPanel({ info, onRestore }: Props) {
  const { t } = useTranslation();
  const good = useNewestGoodBackup(info.integrity === 'damaged');
  if (info.integrity !== 'damaged') return null;
  const backup = good.data ?? null;
  return (
    <section className="wb-panel bak-damaged-panel" role="alert" data-testid="damaged-panel">
      <h2>{t('bak.damaged.title')}</h2>
      <p className="bak-damaged-panel__text">{t('bak.damaged.text', { name: info.name })}</p>
      {good.isPending ? <p className="muted">{t('bak.damaged.searching')}</p> : null}
      <ErrorLine error={good.error} />
      {good.isSuccess && !backup ? <p>{t('bak.damaged.none')}</p> : null}
      {backup ? (
        <>
          <p>
            {t('bak.damaged.offer', {
              date: formatDateTime(backup.createdAt),
              clients: clientsText(t, backup),
            })}
          </p>
          <div className="row">
            {onRestore ? (
              <button type="button" className="primary" onClick={() => onRestore(backup)}>
                {t('bak.damaged.restore')}
              </button>
            ) : (
              <NavLink to="/workbook/backups" data-testid="damaged-to-backups">
                {t('bak.damaged.restore')}…
              </NavLink>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
