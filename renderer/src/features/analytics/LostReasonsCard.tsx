/** Why clients were lost: each reason with its count and share, as a compact table. */
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card } from './Card';
import { num, percent } from './format';

export function LostReasonsCard({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const rows = d.lostReasons;
  const total = rows.reduce((s, r) => s + r.count, 0);
  const top = rows[0];
  const reason = (r: string | null) => r ?? t('ana.lost.noReason');
  return (
    <Card
      name="lost"
      title={t('ana.lost.title')}
      figure={num(total)}
      words={
        <p>
          {top
            ? t('ana.lost.words', { reason: reason(top.reason), share: percent(top.share) })
            : t('ana.lost.empty')}
        </p>
      }
      how={t('ana.lost.how')}
    >
      {rows.length > 0 ? (
        <table className="ana-table ana-table--compact">
          <thead>
            <tr>
              <th>{t('ana.lost.reason')}</th>
              <th className="num">{t('ana.lost.count')}</th>
              <th className="ana-table__bar">{t('ana.lost.share')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.reason ?? ''}>
                <td className={r.reason ? 'ana-table__name' : 'ana-table__name muted'}>
                  {reason(r.reason)}
                </td>
                <td className="num">{num(r.count)}</td>
                <td className="ana-table__bar">
                  <ShareBar share={r.share} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}

/** A share as a thin bar with its percent: compact tables use it instead of a chart. */
export function ShareBar({ share }: { share: number | null }) {
  return (
    <span className="ana-bar">
      <span className="ana-bar__track">
        <span
          className="ana-bar__fill"
          style={{ width: `${Math.max(0, Math.min(1, share ?? 0)) * 100}%` }}
        />
      </span>
      <span className="ana-bar__pct">{percent(share)}</span>
    </span>
  );
}
