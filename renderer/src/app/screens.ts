/**
 * The screens, each loaded when first shown (its own chunk of the bundle): the first screen loads
 * only what it shows, and the charts, the import wizard and the settings come when opened. A
 * screen's loader can also be started early (`preloadScreen`): the start asks for the first
 * screen's chunk while it reads the settings, not after.
 */
import { lazy, type ComponentType } from 'react';

const loaders = {
  today: () => import('../features/today/TodayPage'),
  clients: () => import('../features/clients/ClientsPage'),
  card: () => import('../features/clients/ClientCard'),
  brief: () => import('../features/brief/MeetingBrief'),
  analytics: () => import('../features/analytics/AnalyticsPage'),
  changes: () => import('../features/changes/ChangesPage'),
  growth: () => import('../features/growth/GrowthPage'),
  import: () => import('../features/import/ImportPage'),
  settings: () => import('../features/settings/SettingsPage'),
  sync: () => import('../features/sync/SyncPage'),
  conflicts: () => import('../features/sync/ConflictsPage'),
  workbook: () => import('../features/workbook/WorkbookPage'),
  campaigns: () => import('../features/campaigns/CampaignsPage'),
  campaign: () => import('../features/campaigns/CampaignPage'),
  newCampaign: () => import('../features/campaigns/NewCampaignPage'),
  backups: () => import('../features/workbook/BackupsPage'),
};

export type ScreenName = keyof typeof loaders;

function screen<S extends ScreenName, K extends string>(
  name: S,
  component: K & keyof Awaited<ReturnType<(typeof loaders)[S]>>,
) {
  return lazy(async () => {
    const module = (await loaders[name]()) as unknown as Record<K, ComponentType>;
    return { default: module[component] };
  });
}

export const TodayPage = screen('today', 'TodayPage');
export const ClientsPage = screen('clients', 'ClientsPage');
export const ClientCard = screen('card', 'ClientCard');
export const MeetingBrief = screen('brief', 'MeetingBrief');
export const AnalyticsPage = screen('analytics', 'AnalyticsPage');
export const ChangesPage = screen('changes', 'ChangesPage');
export const GrowthPage = screen('growth', 'GrowthPage');
export const ImportPage = screen('import', 'ImportPage');
export const SettingsPage = screen('settings', 'SettingsPage');
export const SyncPage = screen('sync', 'SyncPage');
export const ConflictsPage = screen('conflicts', 'ConflictsPage');
export const WorkbookPage = screen('workbook', 'WorkbookPage');
export const CampaignsPage = screen('campaigns', 'CampaignsPage');
export const CampaignPage = screen('campaign', 'CampaignPage');
export const NewCampaignPage = screen('newCampaign', 'NewCampaignPage');
export const BackupsPage = screen('backups', 'BackupsPage');

/** Starts loading a screen's chunk (the module loader keeps it for the screen's own `lazy`). */
export function preloadScreen(name: ScreenName): void {
  // A chunk that fails to load here fails again, visibly, when the screen itself asks for it.
  loaders[name]().catch(() => undefined);
}
