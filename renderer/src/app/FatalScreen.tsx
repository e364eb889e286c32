/** The calm screen for the unexpected: what happened, details to copy, a way back. */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  kind: 'fatal' | 'noToken';
  error?: unknown;
}

export function FatalScreen({ kind, error }: Props) {
  const { t } = useTranslation();
  if (kind === 'noToken') {
    return (
      <main className="fatal" role="alert">
        <h1>{t('app.name')}</h1>
        <p>{t('errors.noToken')}</p>
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
