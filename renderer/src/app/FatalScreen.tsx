/** The calm screen for the unexpected: what happened, details to copy, a way back. */
import { Component, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TokenRefusedError } from '../api/client';

interface Props {
  kind: 'fatal' | 'noToken';
  error?: unknown;
}

export function FatalScreen({ kind, error }: Props) {
  const { t } = useTranslation();
  const keyless = kind === 'noToken' || error instanceof TokenRefusedError;
  useEffect(() => {
    if (!keyless) return undefined;
    // The link pasted into this tab differs from its address only after the `#`, which the
    // browser does not load again by itself: the page starts over with the key.
    const onHash = () => {
      if (/(?:^#|&)token=/.test(window.location.hash)) window.location.reload();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [keyless]);
  // No key, or the key of an earlier start: the page can only say which link to open.
  if (keyless) {
    return (
      <main className="fatal" role="alert">
        <h1>{t('app.name')}</h1>
        <p>{t(kind === 'noToken' ? 'errors.noToken' : 'errors.staleToken')}</p>
      </main>
    );
  }
  const details =
    error instanceof Error
      ? `${error.name}: ${error.message}\n${error.stack ?? ''}`
      : String(error);
  return (
    <main className="fatal" role="alert">
      <h1>{t('errors.fatalTitle')}</h1>
      <p>{t('errors.fatalBody')}</p>
      <pre className="fatal__details">{details}</pre>
      <div className="row">
        <button type="button" onClick={() => void navigator.clipboard.writeText(details)}>
          {t('errors.copyDetails')}
        </button>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </div>
    </main>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? (
      <FatalScreen kind="fatal" error={this.state.error} />
    ) : (
      this.props.children
    );
  }
}
