/**
 * The open workbook's backups, and a restore after which every screen is read again (the api
 * client does it, by the channel's metadata).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { BackupInfo } from '../../../../electron/api/contract';
import { channelQuery } from '../../api/channel-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { folderOf } from './useWorkbook';

export function useBackups() {
  return useQuery(channelQuery('workbook.backups', {}));
}

/**
 * The newest backup that passes its own integrity check (what a damaged workbook offers):
 * only looked for when it is needed, as it reads every page of each backup it tries.
 */
export function useNewestGoodBackup(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.call('workbook.backups', { findGood: true }),
    queryFn: async () =>
      (await api.call('workbook.backups', { findGood: true })).find((b) => b.integrity === 'ok') ??
      null,
    enabled,
  });
}

export function useBackUpNow() {
  return useMutation({ mutationFn: () => api.call('workbook.backup', {}) });
}

/** Restores a backup; every answer kept belonged to the workbook before it, so all are asked again. */
export function useRestore() {
  return useMutation({
    mutationFn: (backup: BackupInfo) => api.call('workbook.restore', { path: backup.path }),
  });
}

/** The folder the workbook's backups are kept in. */
export const backupsFolder = (backup: BackupInfo) => folderOf(backup.path);
