/**
 * What happens to the rows of the file, as four figures that add up to the rows in it (new +
 * to update + skipped + with errors = total), and the details of those figures under them.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/money';

export interface Count {
  key: string;
  label: string;
  value: number;
  testId: string;
}

interface Props {
  counts: Count[];
  total: Count;
  /** Lines like "Skipped by your choice for groups: 2" (`key` in `imp.check.details`); zero ones are left out. */
  details: { key: string; value: number }[];
  /** The figures are being worked out again. */
  updating?: boolean;
}

function Tile({ count, className }: { count: Count; className: string }) {
  return (
    <dl
      className={`imp-count ${className}${count.value ? '' : ' imp-count--zero'}`}
      data-testid={count.testId}
    >
      <dt>{count.label}</dt>
      <dd>{formatNumber(count.value)}</dd>
    </dl>
  );
}

export function Counts({ counts, total, details, updating }: Props) {
  const { t } = useTranslation();
  const shown = details.filter((d) => d.value > 0);
  return (
    <div className={updating ? 'imp-figures imp-figures--updating' : 'imp-figures'}>
      {/* Each tile is a term and its figure; the sum's operators sit between them. */}
      <div
        className="imp-counts imp-counts--sum"
        role="group"
        aria-label={t('imp.check.countsLabel')}
      >
        {counts.map((c, i) => (
          <div key={c.key} className="imp-sum__part">
            {i > 0 ? (
              <span className="imp-sum__op" aria-hidden="true">
                +
              </span>
            ) : null}
            <Tile count={c} className={`imp-count--${c.key}`} />
          </div>
        ))}
        <div className="imp-sum__part">
          <span className="imp-sum__op" aria-hidden="true">
            =
          </span>
          <Tile count={total} className="imp-count--total" />
        </div>
      </div>
      {shown.length > 0 ? (
        <ul className="imp-details">
          {shown.map((d) => (
            <li key={d.key} data-testid={`import-detail-${d.key}`}>
              {t(`imp.check.details.${d.key}`, { n: formatNumber(d.value) })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
