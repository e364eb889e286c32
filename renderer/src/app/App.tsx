import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { AnalyticsPage } from '../features/analytics/AnalyticsPage';
import { ChangesPage } from '../features/changes/ChangesPage';
import { ClientCard } from '../features/clients/ClientCard';
import { ClientsPage } from '../features/clients/ClientsPage';
import { GrowthPage } from '../features/growth/GrowthPage';
import { ImportPage } from '../features/import/ImportPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ConflictsPage } from '../features/sync/ConflictsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { TodayPage } from '../features/today/TodayPage';
import { BackupsPage } from '../features/workbook/BackupsPage';
import { codeOf } from '../features/workbook/ErrorLine';
import { ReadOnlyBanner } from '../features/workbook/ReadOnlyBanner';
import { UnlockPage } from '../features/workbook/UnlockPage';
import { useWorkbookInfo } from '../features/workbook/useWorkbook';
import { useWorkbookTitle } from '../features/workbook/useWorkbookTitle';
import { WorkbookPage } from '../features/workbook/WorkbookPage';
import { Rail } from './Rail';

export function App() {
  return (
    <HashRouter>
      <div className="frame">
        <Rail />
        <Content />
      </div>
    </HashRouter>
  );
}

/** The screens, under the read-only banner when the workbook cannot be written. */
function Content() {
  const info = useWorkbookInfo();
  useWorkbookTitle(info.data?.name);
  // The program started on an encrypted workbook: its password first, whatever the screen.
  if (codeOf(info.error) === 'password_required') {
    return (
      <main className="content">
        <UnlockPage />
      </main>
    );
  }
  return (
    <main className={info.data?.readOnly ? 'content content--banner' : 'content'}>
      <ReadOnlyBanner />
      <Routes>
        <Route path="/" element={<Navigate to="/today" replace />} />
        <Route path="/today" element={<TodayPage />} />
        <Route path="/clients" element={<ClientsPage />} />
        <Route path="/clients/:id" element={<ClientCard />} />
        <Route path="/analytics" element={<AnalyticsPage />} />
        <Route path="/changes" element={<ChangesPage />} />
        <Route path="/growth" element={<GrowthPage />} />
        <Route path="/import" element={<ImportPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/sync" element={<SyncPage />} />
        <Route path="/sync/conflicts" element={<ConflictsPage />} />
        <Route path="/workbook" element={<WorkbookPage />} />
        <Route path="/workbook/backups" element={<BackupsPage />} />
        <Route path="*" element={<Navigate to="/clients" replace />} />
      </Routes>
    </main>
  );
}
