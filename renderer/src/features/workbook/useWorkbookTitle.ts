import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Клиенты — Картотека": the window's title (Electron's title bar follows the page's). */
export function useWorkbookTitle(name: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = name ? `${name} — ${t('app.name')}` : t('app.name');
  }, [name, t]);
}
