/**
 * Migration between the previous window's class (rows) and the current one (columns), in rank
 * order AX … CZ: a cell left of the diagonal is a move to a better class (green), right of it a
 * slide to a worse one (red). The last row holds the new clients, the last column the gone.
 */
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card } from './Card';
import { num } from './format';

const NONE = 9;

type Move = 'up' | 'down' | 'same' | 'new' | 'gone';

function moveOf(from: number, to: number): Move {
  if (from === NONE) return 'new';
  if (to === NONE) return 'gone';
  return to < from ? 'up' : to > from ? 'down' : 'same';
}

const TONE: Record<Move, string> = {
  up: 'var(--ana-good)',
  down: 'var(--ana-bad)',
  same: 'var(--accent)',
  new: 'var(--accent)',
  gone: 'var(--ana-faint)',
};

export function MigrationCard(props: { d: Dashboard; onDrill: (key: string) => void }) {
  const { t } = useTranslation();
  const m = props.d.migration;
  const classes = m.classes;
  const max = Math.max(1, ...m.table.flat());
  const rowLabel = (i: number) => (i === NONE ? t('ana.migration.new') : classes[i]);
  const colLabel = (i: number) => (i === NONE ? t('ana.migration.gone') : classes[i]);
  return (
    <Card
      name="migration"
      wide
      title={t('ana.migration.title')}
      figure={
        <span className="ana-migration__figure">
          <span className="ana-up">↑ {num(m.up)}</span>{' '}
          <span className="ana-down">↓ {num(m.down)}</span>
        </span>
      }
      words={
        <>
          <p>
            <button type="button" className="link ana-inline" onClick={() => props.onDrill('up')}>
              {t('ana.migration.upWords', { count: m.up, n: num(m.up) })}
            </button>
            <br />
            <button type="button" className="link ana-inline" onClick={() => props.onDrill('down')}>
              {t('ana.migration.downWords', { count: m.down, n: num(m.down) })}
            </button>
          </p>
          <p className="muted" data-testid="ana-migration-rest">
            {t('ana.migration.rest', {
              same: num(m.same),
              new: num(m.new),
              returned: num(m.returned),
              gone: num(m.gone),
            })}
          </p>
        </>
      }
      how={t('ana.migration.how')}
    >
      <div className="ana-scroll">
        <table className="ana-migration" aria-label={t('ana.migration.title')}>
          <thead>
            <tr>
              <th className="ana-migration__corner">
                <span>{t('ana.migration.to')} →</span>
                <span>{t('ana.migration.from')} ↓</span>
              </th>
              {classes.map((_, c) => (
                <th key={c} scope="col" className={c === NONE ? 'ana-migration__none' : undefined}>
                  {colLabel(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.table.map((row, r) => (
              <tr key={r}>
                <th scope="row" className={r === NONE ? 'ana-migration__none' : undefined}>
                  {rowLabel(r)}
                </th>
                {row.map((count, c) => {
                  const move = moveOf(r, c);
                  if (r === NONE && c === NONE) return <td key={c} />;
                  const key = `${classes[r]}>${classes[c]}`;
                  // Capped at 50 %: the dark count keeps 4.5:1 on the strongest tint.
                  const strength = Math.round(14 + (count / max) * 36);
                  return (
                    <td key={c} className={`ana-move--${move}`}>
                      {count > 0 ? (
                        <button
                          type="button"
                          className="ana-migration__cell"
                          data-testid={`ana-move-${key}`}
                          style={{
                            background: `color-mix(in srgb, ${TONE[move]} ${strength}%, var(--panel))`,
                          }}
                          title={t(`ana.migration.moves.${move}`)}
                          aria-label={t('ana.migration.cell', {
                            from: rowLabel(r),
                            to: colLabel(c),
                            n: num(count),
                            move: t(`ana.migration.moves.${move}`),
                          })}
                          onClick={() => props.onDrill(key)}
                        >
                          {num(count)}
                        </button>
                      ) : (
                        <span className="ana-migration__zero">·</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="ana-legend">
        <span className="ana-swatch ana-swatch--up" /> {t('ana.migration.moves.up')}
        <span className="ana-swatch ana-swatch--down" /> {t('ana.migration.moves.down')}
        <span className="ana-swatch ana-swatch--same" /> {t('ana.migration.moves.same')}
      </p>
    </Card>
  );
}
