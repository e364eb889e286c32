/** On every screen of a read-only workbook: why it is read-only, and who holds it. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { WorkbookInfo } from '../../../../electron/api/contract';
import { formatDateTime } from '../../lib/format';
import { useWorkbookInfo } from './useWorkbook';
import './workbook.css';

export function readOnlyText(t: TFunction, info: WorkbookInfo): string {
  switch (info.readOnlyReason) {
    case 'locked':
      return info.lockedBy
        ? t('wbk.banner.locked', {
            user: info.lockedBy.user,
            machine: info.lockedBy.machine,
            since: formatDateTime(info.lockedBy.since),
          })
        : t('wbk.banner.lockedUnknown');
    case 'file':
      return t('wbk.banner.file');
    case 'damaged':
      return t('wbk.banner.damaged');
    default:
      return t('wbk.banner.chosen');
  }
}

export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const info = useWorkbookInfo();
  if (!info.data?.readOnly) return null;
  return (
    <div className="wb-banner" role="status" data-testid="read-only-banner">
      <span>{readOnlyText(t, info.data)}</span>
      {info.data.integrity === 'damaged' ? (
        <NavLink to="/workbook/backups" data-testid="banner-backups">
          {t('wbk.banner.restoreBackup')}
        </NavLink>
      ) : (
        <NavLink to="/workbook">{t('wbk.banner.details')}</NavLink>
      )}
    </div>
  );
}
