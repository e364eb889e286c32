/** The window by acquisition channel and by manager, as compact tables. */
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card } from './Card';
import { money, num, percent } from './format';
import { ShareBar } from './LostReasonsCard';

export function ChannelsCard({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const rows = [...d.channels].filter((c) => c.buyers > 0).sort((a, b) => b.revenue - a.revenue);
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

export function ManagersCard(props: { d: Dashboard; names: Map<string, string> }) {
  const { t } = useTranslation();
  const { managers, activity } = props.d;
  const manager = (id: string | null, name: string | null) =>
    name ?? (id ? props.names.get(id) : undefined) ?? t('ana.noManager');
  // Comments record their author by manager id or by name; match either.
  const activityOf = (id: string | null, name: string | null) =>
    activity.find((a) => (id !== null && a.author === id) || (name !== null && a.author === name));
  const matched = new Set(managers.map((m) => activityOf(m.managerId, m.name)?.author));
  const others = activity.filter((a) => !matched.has(a.author));
  const perDay = activity.reduce((s, a) => s + a.perDay, 0);
  const busiest = activity[0];
  return (
    <Card
      name="managers"
      wide
      title={t('ana.managers.title')}
      figure={num(perDay, 1)}
      words={
        <p>
          {busiest
            ? t('ana.managers.words', {
                author: props.names.get(busiest.author) ?? busiest.author,
                n: num(busiest.perDay, 1),
              })
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
              const a = activityOf(m.managerId, m.name);
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
                    {a ? num(a.perDay, 2) : '—'}
                  </td>
                </tr>
              );
            })}
            {others.map((a) => (
              <tr key={a.author}>
                <td className="ana-table__name">{props.names.get(a.author) ?? a.author}</td>
                <td className="num">—</td>
                <td className="num">—</td>
                <td className="num">—</td>
                <td className="num" title={kinds(a.byKind, t)}>
                  {num(a.perDay, 2)}
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
