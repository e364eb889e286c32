/** The window by acquisition channel and by manager, as compact tables. */
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card } from './Card';
import { money, num, percent } from './format';
import { ShareBar } from './LostReasonsCard';

export function ChannelsCard({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  // A channel whose clients only returned goods in the window still counts in its revenue.
  const rows = [...d.channels]
    .filter((c) => c.buyers > 0 || c.revenue !== 0)
    .sort((a, b) => b.revenue - a.revenue);
  const top = rows[0];
  const name = (key: string | null) => key ?? t('ana.noChannel');
  return (
    <Card
      name="channels"
      wide
      title={t('ana.channels.title')}
      figure={top ? percent(top.revenueShare) : '—'}
      words={
        <p>
          {top
            ? t('ana.channels.words', { channel: name(top.key), share: percent(top.revenueShare) })
            : t('ana.channels.empty')}
        </p>
      }
      how={t('ana.channels.how')}
    >
      {rows.length > 0 ? (
        <table className="ana-table ana-table--compact">
          <thead>
            <tr>
              <th>{t('ana.channels.channel')}</th>
              <th className="num">{t('ana.channels.buyers')}</th>
              <th className="num">{t('ana.channels.revenue')}</th>
              <th className="ana-table__bar">{t('ana.channels.share')}</th>
              <th className="num">{t('ana.channels.retention')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.key ?? ''}>
                <td className={c.key ? 'ana-table__name' : 'ana-table__name muted'}>
                  {name(c.key)}
                </td>
                <td className="num">{num(c.buyers)}</td>
                <td className="num">{money(c.revenue)}</td>
                <td className="ana-table__bar">
                  <ShareBar share={c.revenueShare} />
                </td>
                <td className="num">{percent(c.retention.retentionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}

/** Now against before: "62 %" with "was 55 %" under it, and an arrow when it moved. */
function NowWas({ now, was }: { now: number | null; was: number | null }) {
  const { t } = useTranslation();
  const arrow =
    now === null || was === null || Math.round(now * 100) === Math.round(was * 100)
      ? ''
      : now > was
        ? ' ↑'
        : ' ↓';
  const tone = arrow === ' ↑' ? 'ana-up' : arrow === ' ↓' ? 'ana-down' : '';
  return (
    <>
      <span className={tone}>
        {percent(now)}
        {arrow}
      </span>
      <span className="ana-was">{t('ana.managers.was', { value: percent(was) })}</span>
    </>
  );
}

type Activity = Dashboard['activity'][number];

/** Comments a day as every place on the card writes them, so "(0,01)" never reads "(0)". */
const perDayText = (value: number) => num(value, 2);

/**
 * Activity per manager: the authors who are managers under their manager, every other author
 * (the computer's user, before a manager was chosen) together under "no manager".
 */
function activityByManager(activity: Activity[]): Map<string | null, Activity> {
  const out = new Map<string | null, Activity>();
  for (const a of activity) {
    const entry = out.get(a.managerId) ?? {
      author: a.author,
      managerId: a.managerId,
      total: 0,
      perDay: 0,
      byKind: {},
    };
    entry.total += a.total;
    entry.perDay += a.perDay;
    for (const [kind, n] of Object.entries(a.byKind))
      entry.byKind[kind] = (entry.byKind[kind] ?? 0) + n;
    out.set(a.managerId, entry);
  }
  return out;
}

export function ManagersCard(props: { d: Dashboard; names: Map<string, string> }) {
  const { t } = useTranslation();
  const { managers } = props.d;
  const manager = (id: string | null, name: string | null) =>
    name ?? (id ? props.names.get(id) : undefined) ?? t('ana.noManager');
  const activity = activityByManager(props.d.activity);
  const listed = new Set(managers.map((m) => m.managerId));
  // Managers (or "no manager") with comments but no classed client still get a row.
  const others = [...activity.values()].filter((a) => !listed.has(a.managerId));
  const perDay = props.d.activity.reduce((s, a) => s + a.perDay, 0);
  const busiest = [...activity.values()]
    .filter((a) => a.managerId !== null)
    .sort((a, b) => b.total - a.total)[0];
  return (
    <Card
      name="managers"
      wide
      title={t('ana.managers.title')}
      figure={perDayText(perDay)}
      words={
        <p>
          {busiest
            ? t('ana.managers.words', {
                author: manager(busiest.managerId, null),
                n: perDayText(busiest.perDay),
              })
            : perDay > 0
              ? t('ana.managers.noManagerActivity')
              : t('ana.managers.noActivity')}
        </p>
      }
      how={t('ana.managers.how')}
    >
      {managers.length + others.length > 0 ? (
        <table className="ana-table ana-table--compact">
          <thead>
            <tr>
              <th>{t('ana.managers.manager')}</th>
              <th className="num">{t('ana.managers.classed')}</th>
              <th className="num">{t('ana.managers.shareA')}</th>
              <th className="num">{t('ana.managers.shareX')}</th>
              <th className="num">{t('ana.managers.perDay')}</th>
            </tr>
          </thead>
          <tbody>
            {managers.map((m) => {
              const a = activity.get(m.managerId);
              return (
                <tr key={m.managerId ?? ''}>
                  <td className={m.managerId ? 'ana-table__name' : 'ana-table__name muted'}>
                    {manager(m.managerId, m.name)}
                  </td>
                  <td className="num">{num(m.classed)}</td>
                  <td className="num">
                    <NowWas now={m.shareA} was={m.previousShareA} />
                  </td>
                  <td className="num">
                    <NowWas now={m.shareX} was={m.previousShareX} />
                  </td>
                  <td className="num" title={a ? kinds(a.byKind, t) : undefined}>
                    {a ? perDayText(a.perDay) : '—'}
                  </td>
                </tr>
              );
            })}
            {others.map((a) => (
              <tr key={a.managerId ?? ''}>
                <td className={a.managerId ? 'ana-table__name' : 'ana-table__name muted'}>
                  {manager(a.managerId, null)}
                </td>
                <td className="num">—</td>
                <td className="num">—</td>
                <td className="num">—</td>
                <td className="num" title={kinds(a.byKind, t)}>
                  {perDayText(a.perDay)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}

/** "Call: 12, Meeting: 3" for the activity cell's tooltip. */
function kinds(byKind: Record<string, number>, t: (key: string) => string): string {
  return Object.entries(byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${t(`cardx.kinds.${kind}`)}: ${num(n)}`)
    .join(', ');
}
