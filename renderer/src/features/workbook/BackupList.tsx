/** The open workbook's backups, newest first: when, what kind, how large, how many clients. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../electron/api/contract';
import { formatDateTime } from '../../lib/format';
import { formatBytes } from './useWorkbook';

/** "12 clients", or "unknown" for a damaged workbook kept aside (its clients could not be counted). */
export function clientsText(t: TFunction, backup: BackupInfo): string {
  return backup.integrity === 'damaged'
    ? t('bak.unknownClients')
    : t('bak.clients', { count: backup.clients });
}

interface Props {
  backups: BackupInfo[];
  /** Restores may start (the workbook is writable, or damaged). */
  canRestore: boolean;
  onRestore: (backup: BackupInfo) => void;
}

export function BackupList({ backups, canRestore, onRestore }: Props) {
  const { t } = useTranslation();
  return (
    <table className="bak-table" data-testid="backup-list">
      <thead>
        <tr>
          <th scope="col">{t('bak.columns.when')}</th>
          <th scope="col">{t('bak.columns.kind')}</th>
          <th scope="col" className="num">
            {t('bak.columns.size')}
          </th>
          <th scope="col" className="num">
            {t('bak.columns.clients')}
          </th>
          <th scope="col" aria-label={t('bak.restore')} />
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.path} data-testid="backup-row" title={b.path}>
            <td>{formatDateTime(b.createdAt)}</td>
            <td>
              {t(`bak.kind.${b.kind}`)}
              {b.integrity === 'damaged' ? (
                <span className="badge wb-badge bak-damaged">{t('bak.damagedBackup')}</span>
              ) : null}
            </td>
            <td className="num">{formatBytes(b.sizeBytes)}</td>
            <td className="num">{clientsText(t, b)}</td>
            <td className="bak-table__action">
              {b.integrity === 'damaged' ? null : (
                <button type="button" disabled={!canRestore} onClick={() => onRestore(b)}>
                  {t('bak.restore')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
