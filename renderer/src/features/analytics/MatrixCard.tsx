/** The ABC×XYZ matrix of the window: clients and revenue share per cell, each cell a drill-down. */
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card } from './Card';
import { num, percent } from './format';

export const ABC = ['A', 'B', 'C'] as const;
export const XYZ = ['X', 'Y', 'Z'] as const;

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/** Background of a cell: the accent, stronger the larger its share of revenue. */
export function heat(share: number): string {
  // Capped at 40 %: the cell's dark text keeps 4.5:1 on the strongest tint.
  const strength = Math.round(8 + Math.max(0, Math.min(1, share)) * 32);
  return `color-mix(in srgb, var(--accent) ${strength}%, var(--panel))`;
}

export function MatrixCard(props: { d: Dashboard; onDrill: (key: string) => void }) {
  const { t } = useTranslation();
  const { matrix, settings } = props.d;
  const total = sum(matrix.revenue.flat());
  const share = (revenue: number) => (total > 0 ? revenue / total : null);
  const rowCounts = matrix.counts.map(sum);
  const rowRevenue = matrix.revenue.map(sum);
  const colCounts = XYZ.map((_, x) => sum(matrix.counts.map((r) => r[x] ?? 0)));
  const classed = sum(rowCounts);
  return (
    <Card
      name="matrix"
      title={t('ana.matrix.title')}
      figure={percent(share(rowRevenue[0] ?? 0))}
      words={
        <>
          <p>
            {t('ana.matrix.words', {
              n: num(rowCounts[0] ?? 0),
              classed: num(classed),
            })}
          </p>
          <p className="muted">{t('ana.matrix.unclassed', { n: num(matrix.unclassed) })}</p>
        </>
      }
      how={t('ana.matrix.how', {
        a: percent(settings.abcA),
        b: percent(settings.abcB),
        x: num(settings.xyzX, 2),
        period: t(`ana.periods.${settings.xyzPeriod}`),
      })}
    >
      <table className="ana-matrix">
        <thead>
          <tr>
            <th />
            {XYZ.map((x, i) => (
              <th key={x} scope="col">
                {x}
                <span className="ana-matrix__total">{num(colCounts[i] ?? 0)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ABC.map((a, r) => (
            <tr key={a}>
              <th scope="row">
                {a}
                <span className="ana-matrix__total">{percent(share(rowRevenue[r] ?? 0))}</span>
              </th>
              {XYZ.map((x, c) => {
                const count = matrix.counts[r]?.[c] ?? 0;
                const cellShare = share(matrix.revenue[r]?.[c] ?? 0);
                const key = `${a}${x}`;
                return (
                  <td key={x}>
                    <button
                      type="button"
                      className="ana-matrix__cell"
                      data-testid={`ana-cell-${key}`}
                      data-count={count}
                      disabled={count === 0}
                      style={{ background: count ? heat(cellShare ?? 0) : undefined }}
                      // The visible key, count and share are the button's name; the sentence describes it.
                      title={t('ana.matrix.cell', {
                        cell: key,
                        count,
                        n: num(count),
                        share: percent(cellShare, 1),
                      })}
                      onClick={() => props.onDrill(key)}
                    >
                      <span className="ana-matrix__key">{key}</span>
                      <span className="ana-matrix__count">{num(count)}</span>
                      <span className="ana-matrix__share">{percent(cellShare, 1)}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
