/** The open workbook's backups, and a restore that refreshes every screen after it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BackupInfo } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { folderOf } from './useWorkbook';

export const BACKUPS_KEY = ['workbook.backups'];

export function useBackups() {
  return useQuery({ queryKey: BACKUPS_KEY, queryFn: () => api.call('workbook.backups', {}) });
}

/**
 * The newest backup that passes its own integrity check (what a damaged workbook offers):
 * only looked for when it is needed, as it reads every page of each backup it tries.
 */
export function useNewestGoodBackup(enabled: boolean) {
  return useQuery({
    queryKey: [...BACKUPS_KEY, 'good'],
    queryFn: async () =>
      (await api.call('workbook.backups', { findGood: true })).find((b) => b.integrity === 'ok') ??
      null,
    enabled,
  });
}

export function useBackUpNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('workbook.backup', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: BACKUPS_KEY }),
  });
}

/** Restores a backup; every answer kept belonged to the workbook before it, so all are asked again. */
export function useRestore() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (backup: BackupInfo) => api.call('workbook.restore', { path: backup.path }),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** The folder the workbook's backups are kept in. */
export const backupsFolder = (backup: BackupInfo) => folderOf(backup.path);
