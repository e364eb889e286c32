/**
 * The screens, each loaded when first shown (its own chunk of the bundle): the first screen loads
 * only what it shows, and the charts, the import wizard and the settings come when opened. A
 * screen's loader can also be started early (`preloadScreen`): the start asks for the first
 * screen's chunk while it reads the settings, not after.
 */
import { createElement, lazy, useState, type ComponentType } from 'react';

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

/** The screens whose chunk has loaded, by name. */
const loaded = new Map<ScreenName, Record<string, ComponentType>>();

async function load(name: ScreenName): Promise<Record<string, ComponentType>> {
  const module = (await loaders[name]()) as unknown as Record<string, ComponentType>;
  loaded.set(name, module);
  return module;
}

/**
 * A screen: rendered at once when its chunk has loaded (the first screen's, loaded before the
 * first render, and every screen seen before), else through `lazy`. A lazy screen suspends for a
 * turn even when its chunk is there, and React then holds the screen back for up to 300 ms after
 * the empty fallback it showed (measured: the list came 215 ms after its answers).
 */
function screen<S extends ScreenName, K extends string>(
  name: S,
  component: K & keyof Awaited<ReturnType<(typeof loaders)[S]>>,
): ComponentType {
  const Lazy = lazy(async () => ({ default: (await load(name))[component]! }));
  function Screen() {
    // Chosen once per mount, so a screen shown through `lazy` is not mounted again.
    const [Ready] = useState(() => loaded.get(name)?.[component]);
    return createElement(Ready ?? Lazy);
  }
  Screen.displayName = component;
  return Screen;
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

/**
 * Starts loading a screen's chunk; settles when it has loaded, or failed: a chunk that fails to
 * load here fails again, visibly, when the screen itself asks for it.
 */
export function preloadScreen(name: ScreenName): Promise<void> {
  return load(name).then(
    () => undefined,
    () => undefined,
  );
}
