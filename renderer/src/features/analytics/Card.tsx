/** One dashboard card: a title, the chart or table, its figure in words, and how it is computed. */
import { useId, type ReactNode } from 'react';

interface Props {
  /** Names the card for tests: `ana-<name>`. */
  name: string;
  title: string;
  /** The headline number, large. */
  figure?: ReactNode;
  /** The figure in words, beside the chart. */
  words?: ReactNode;
  how: string;
  /** Spans two columns of the grid. */
  wide?: boolean;
  children?: ReactNode;
}

export function Card({ name, title, figure, words, how, wide, children }: Props) {
  const id = useId();
  return (
    <section
      className={wide ? 'ana-card ana-card--wide' : 'ana-card'}
      aria-labelledby={id}
      data-testid={`ana-${name}`}
    >
      <h2 id={id}>{title}</h2>
      <div className="ana-card__body">
        {children ? <div className="ana-card__main">{children}</div> : null}
        {figure !== undefined || words ? (
          <div className="ana-card__aside">
            {figure !== undefined ? (
              <div className="ana-card__figure" data-testid={`ana-${name}-figure`}>
                {figure}
              </div>
            ) : null}
            {words ? <div className="ana-card__words">{words}</div> : null}
          </div>
        ) : null}
      </div>
      <p className="ana-card__how">{how}</p>
    </section>
  );
}

/** The chart's box: chart.js fills its parent, so the parent sets the height. */
export function ChartBox({ height = 200, children }: { height?: number; children: ReactNode }) {
  return (
    <div className="ana-chart" style={{ height }}>
      {children}
    </div>
  );
}
