import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, ApiError, hasTransport, setAfterCall } from './api/client';
import { dropFirstAnswers } from './api/early-calls';
import { invalidateAfter } from './api/query-keys';
import { App } from './app/App';
import { firstScreenChunk, firstSettings, startFirstScreen } from './app/first-screen';
import { queryClient } from './app/query-client';
import { startOver } from './features/workbook/useWorkbook';
import { ErrorBoundary, FatalScreen } from './app/FatalScreen';
import { detectLocale, initI18n } from './i18n';
import './styles.css';
import { setCurrency } from './lib/money';

/** The channels after which another workbook is open (in the browser shell and the desktop). */
const STARTS_OVER: ReadonlySet<string> = new Set([
  'workbook.open',
  'workbook.create',
  'workbook.openDemo',
]);

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  if (!hasTransport()) {
    await initI18n(detectLocale());
    root.render(<FatalScreen kind="noToken" />);
    return;
  }
  // Every write refreshes what its channel's metadata says it changed, in this one place. Another
  // workbook open: everything the screens keep belongs to the one before, so the program starts
  // over (Today, reloaded) before any screen shows the new name beside the old answers; the call
  // stays pending (its button busy) until the page is gone.
  setAfterCall((channel) => {
    if (!STARTS_OVER.has(channel)) return invalidateAfter(queryClient, channel);
    startOver();
    return new Promise<never>(() => undefined);
  });
  // Asked for already by `early.ts`, unless this page was loaded without it.
  startFirstScreen();
  let [settings] = await Promise.all([firstSettings(), firstScreenChunk()]);
  // The first screen has taken what the early script asked for; the rest is stale from now on.
  dropFirstAnswers();
  if (settings.language === null) {
    // First start: take the OS language and remember it in the workbook (unless it is read-only).
    try {
      settings = await api.call('settings.set', { language: detectLocale() });
    } catch (error) {
      const refused = error instanceof ApiError && ['read_only', 'damaged'].includes(error.code);
      if (!refused) throw error;
    }
  }
  await initI18n(settings.language ?? detectLocale());
  // The start address (`/`, as the shell prints it) is Today's: set before the first render, so
  // that render shows Today, not a redirect to it.
  if (/^#?\/?$/.test(window.location.hash)) history.replaceState(null, '', '#/today');
  setCurrency(settings.currency ?? 'RUB');
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

boot().catch(async (error: unknown) => {
  await initI18n(detectLocale());
  createRoot(document.getElementById('root') as HTMLElement).render(
    <FatalScreen kind="fatal" error={error} />,
  );
});
