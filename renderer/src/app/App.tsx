import { lazy, Suspense, type ComponentType } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { codeOf } from '../features/workbook/ErrorLine';
import { ReadOnlyBanner } from '../features/workbook/ReadOnlyBanner';
import { UnlockPage } from '../features/workbook/UnlockPage';
import { useWorkbookInfo } from '../features/workbook/useWorkbook';
import { useWorkbookTitle } from '../features/workbook/useWorkbookTitle';
import { Shortcuts } from '../features/keyboard/Shortcuts';
import { SkipLink } from '../features/keyboard/SkipLink';
import { Rail } from './Rail';

/**
 * A screen loaded when first shown (its own chunk of the bundle): the first screen loads only
 * what it shows, and the charts, the import wizard and the settings come when opened.
 */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const TodayPage = screen(() => import('../features/today/TodayPage'), 'TodayPage');
const ClientsPage = screen(() => import('../features/clients/ClientsPage'), 'ClientsPage');
const ClientCard = screen(() => import('../features/clients/ClientCard'), 'ClientCard');
const MeetingBrief = screen(() => import('../features/brief/MeetingBrief'), 'MeetingBrief');
const AnalyticsPage = screen(() => import('../features/analytics/AnalyticsPage'), 'AnalyticsPage');
const ChangesPage = screen(() => import('../features/changes/ChangesPage'), 'ChangesPage');
const GrowthPage = screen(() => import('../features/growth/GrowthPage'), 'GrowthPage');
const ImportPage = screen(() => import('../features/import/ImportPage'), 'ImportPage');
const SettingsPage = screen(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const SyncPage = screen(() => import('../features/sync/SyncPage'), 'SyncPage');
const ConflictsPage = screen(() => import('../features/sync/ConflictsPage'), 'ConflictsPage');
const WorkbookPage = screen(() => import('../features/workbook/WorkbookPage'), 'WorkbookPage');
const CampaignsPage = screen(() => import('../features/campaigns/CampaignsPage'), 'CampaignsPage');
const CampaignPage = screen(() => import('../features/campaigns/CampaignPage'), 'CampaignPage');
const NewCampaignPage = screen(
  () => import('../features/campaigns/NewCampaignPage'),
  'NewCampaignPage',
);
const BackupsPage = screen(() => import('../features/workbook/BackupsPage'), 'BackupsPage');

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
