/**
 * The touch mix on the portrait: how many of the client's last 12 contacts were useful
 * content, company news and offers, as three numbers over a thin bar. The advice is to keep
 * each near a third, so a client does not hear only offers.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TOUCH_KINDS } from '../../../../electron/api/contract/enums';
import { channelQuery } from '../../api/channel-query';

const LAST = 12;

export function TouchMix({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const mix = useQuery(channelQuery('clients.touchMix', { clientId, last: LAST }));
  if (!mix.data) return null;
  const m = mix.data;
  const total = m.content + m.news + m.offer + m.untagged;

  return (
    <section className="touch-mix" aria-label={t('rem.touch.label')} data-testid="touch-mix">
      <h3>{t('rem.touch.title')}</h3>
      {total === 0 ? (
        <p className="muted touch-mix__hint">{t('rem.touch.empty')}</p>
      ) : (
        <>
          <p className="touch-mix__numbers">
            {TOUCH_KINDS.map((kind, i) => (
              <span key={kind}>
                {i > 0 ? ' · ' : null}
                <span className={`touch-mix__dot touch-mix__dot--${kind}`} aria-hidden="true" />
                {t(`rem.touch.${kind}`)} <b data-touch={kind}>{m[kind]}</b>
              </span>
            ))}
            {m.untagged > 0 ? (
              <span className="muted">
                {' · '}
                {t('rem.touch.untagged')} <span data-touch="untagged">{m.untagged}</span>
              </span>
            ) : null}
          </p>
          <div className="touch-mix__bar" aria-hidden="true">
            {[...TOUCH_KINDS, 'untagged' as const].map((kind) =>
              m[kind] > 0 ? (
                <span
                  key={kind}
                  className={`touch-mix__part touch-mix__part--${kind}`}
                  style={{ flexGrow: m[kind] }}
                />
              ) : null,
            )}
          </div>
          <p className="muted touch-mix__hint">{t('rem.touch.hint', { count: total })}</p>
        </>
      )}
    </section>
  );
}
