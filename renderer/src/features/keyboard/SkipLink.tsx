/**
 * The first tab stop of every screen: straight to the list's rows (on the client list) or to
 * the screen's content, past the rail's links and the page's tools.
 */
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

export function SkipLink() {
  const { t } = useTranslation();
  const onList = useLocation().pathname === '/clients';
  return (
    <a
      href="#main"
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        const row = document.querySelector<HTMLElement>('.table__body [role="row"][tabindex="0"]');
        const main = document.querySelector<HTMLElement>('main.content');
        (row ?? main)?.focus();
      }}
    >
      {onList ? t('keys.skipToList') : t('keys.skipToContent')}
    </a>
  );
}
