/** The sync service behind the `sync.*` and `exchange.*` channels (being written). */
import type {
  ExchangeExportResult,
  ExchangeImportResult,
  SyncConflict,
  SyncResult,
  SyncStatus,
  SyncTestResult,
} from '../../api/contract';
import { AppError } from '../../api/errors';

export interface SyncConfigure {
  url: string;
  deviceName: string;
  workbookId?: string | undefined;
}

export class SyncService {
  configure(_input: SyncConfigure): Promise<SyncStatus> {
    return Promise.reject(new AppError('unavailable', 'internal', { details: 'sync' }));
  }
  status(): SyncStatus {
    return {
      configured: false,
      workbookId: null,
      deviceId: null,
      deviceName: null,
      hub: null,
      lastSyncAt: null,
      pending: 0,
      lastError: null,
      offline: false,
      syncing: false,
      conflicts: 0,
    };
  }
  now(): Promise<SyncResult> {
    return Promise.reject(new AppError('unavailable', 'internal', { details: 'sync' }));
  }
  test(_url: string): Promise<SyncTestResult> {
    return Promise.reject(new AppError('unavailable', 'internal', { details: 'sync' }));
  }
  conflicts(_input: {
    clientId?: string | undefined;
    includeResolved?: boolean | undefined;
  }): SyncConflict[] {
    return [];
  }
  resolve(_id: string, _keep: 'mine' | 'theirs'): SyncConflict {
    throw new AppError('unavailable', 'internal', { details: 'sync' });
  }
  disconnect(): SyncStatus {
    return this.status();
  }
  exportChanges(_path: string, _peer?: string): ExchangeExportResult {
    throw new AppError('unavailable', 'internal', { details: 'sync' });
  }
  importChanges(_path: string): ExchangeImportResult {
    throw new AppError('unavailable', 'internal', { details: 'sync' });
  }
}
