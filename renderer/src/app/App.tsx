import { Suspense } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { codeOf } from '../features/workbook/ErrorLine';
import { ReadOnlyBanner } from '../features/workbook/ReadOnlyBanner';
import { UnlockPage } from '../features/workbook/UnlockPage';
import { useWorkbookInfo } from '../features/workbook/useWorkbook';
import { useWorkbookTitle } from '../features/workbook/useWorkbookTitle';
import { Shortcuts } from '../features/keyboard/Shortcuts';
import { SkipLink } from '../features/keyboard/SkipLink';
import { Rail } from './Rail';
import {
  AnalyticsPage,
  BackupsPage,
  CampaignPage,
  CampaignsPage,
  ChangesPage,
  ClientCard,
  ClientsPage,
  ConflictsPage,
  GrowthPage,
  ImportPage,
  MeetingBrief,
  NewCampaignPage,
  SettingsPage,
  SyncPage,
  TodayPage,
  WorkbookPage,
} from './screens';

export function App() {
  return (
    <HashRouter>
      <SkipLink />
      <Shortcuts />
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
    <main
      id="main"
      tabIndex={-1}
      className={info.data?.readOnly ? 'content content--banner' : 'content'}
    >
      <ReadOnlyBanner />
      {/* Nothing shown while a screen's chunk loads: it comes from the disk in milliseconds. */}
      <Suspense fallback={null}>
        <Routes>
          <Route path="/" element={<Navigate to="/today" replace />} />
          <Route path="/today" element={<TodayPage />} />
          <Route path="/clients" element={<ClientsPage />} />
          <Route path="/clients/:id" element={<ClientCard />} />
          <Route path="/clients/:id/brief" element={<MeetingBrief />} />
          <Route path="/analytics" element={<AnalyticsPage />} />
          <Route path="/changes" element={<ChangesPage />} />
          <Route path="/growth" element={<GrowthPage />} />
          <Route path="/campaigns" element={<CampaignsPage />} />
          <Route path="/campaigns/new" element={<NewCampaignPage />} />
          <Route path="/campaigns/:id" element={<CampaignPage />} />
          <Route path="/import" element={<ImportPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/sync" element={<SyncPage />} />
          <Route path="/sync/conflicts" element={<ConflictsPage />} />
          <Route path="/workbook" element={<WorkbookPage />} />
          <Route path="/workbook/backups" element={<BackupsPage />} />
          <Route path="*" element={<Navigate to="/clients" replace />} />
        </Routes>
      </Suspense>
    </main>
  );
}
