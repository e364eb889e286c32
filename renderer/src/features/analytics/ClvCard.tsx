/** The BG/NBD fit behind P(alive), and the most valuable clients slipping away. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card } from './Card';
import { formatDate } from '../../lib/format';
import { money, num, param, percent } from './format';

/** Rows of the top list; the rest are one click away in the drill-down. */
const TOP = 8;

export function ClvCard(props: { d: Dashboard; onDrill: () => void }) {
  const { t } = useTranslation();
  const { clv, slipping, slippingCount } = props.d;
  const top = slipping.slice(0, TOP);
  return (
    <Card
      name="clv"
      wide
      title={t('ana.clv.title')}
      figure={num(slippingCount)}
      words={
        <>
          <p>{t('ana.clv.words', { count: slippingCount, n: num(slippingCount) })}</p>
          {clv ? (
            <dl className="ana-params" aria-label={t('ana.clv.params')}>
              <dt>r</dt>
              <dd>{param(clv.params.r)}</dd>
              <dt>α</dt>
              <dd>{param(clv.params.alpha)}</dd>
              <dt>a</dt>
              <dd>{param(clv.params.a)}</dd>
              <dt>b</dt>
              <dd>{param(clv.params.b)}</dd>
            </dl>
          ) : (
            <p className="muted">{t('ana.clv.notFitted')}</p>
          )}
          {clv && !clv.converged ? <p className="muted">{t('ana.clv.notConverged')}</p> : null}
        </>
      }
      how={t('ana.clv.how')}
    >
      {top.length === 0 ? (
        <p className="muted">{t('ana.clv.none')}</p>
      ) : (
        <table className="ana-table" data-testid="ana-slipping">
          <thead>
            <tr>
              <th>{t('ana.drill.name')}</th>
              <th>{t('ana.clv.last')}</th>
              <th className="num">{t('ana.clv.rhythm')}</th>
              <th className="num">{t('ana.clv.overdue')}</th>
              <th className="num">{t('ana.clv.pAlive')}</th>
              <th className="num">{t('ana.clv.value')}</th>
            </tr>
          </thead>
          <tbody>
            {top.map((c) => (
              <tr key={c.clientId}>
                <td className="ana-table__name">
                  <Link to={`/clients/${c.clientId}`}>{c.name}</Link>
                </td>
                <td>{formatDate(c.lastPurchase)}</td>
                <td className="num">{num(c.rhythmDays)}</td>
                <td className="num">{num(Math.max(0, c.overdueDays))}</td>
                <td className="num">{percent(c.pAlive)}</td>
                <td className="num">{money(c.revenue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {slippingCount > top.length ? (
        <button type="button" className="link ana-more" onClick={props.onDrill}>
          {t('ana.clv.showAll', { n: num(slippingCount) })}
        </button>
      ) : null}
    </Card>
  );
}
