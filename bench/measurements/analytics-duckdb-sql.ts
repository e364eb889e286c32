/**
 * The app's ABC×XYZ, RFM and retention written as DuckDB SQL over the `sales(client_id, date,
 * amount)` table loaded from the CSV, following the definitions in electron/analytics/ (README "Analytics"): a
 * purchase day is all of a client's sales on one date with at least one non-negative sale; a date
 * of returns only is no purchase but counts in revenue. Amounts are whole minor units, so sums
 * are exact (BIGINT) and the shares are the same doubles as the app's.
 */
import { RFM_SEGMENTS } from '../../electron/analytics/rfm';

/**
 * The purchase days, made once at load as the app makes them once when it reads the sales: the
 * channels of both then start from per-client days, not from the sale rows.
 */
export const DAYS_TABLE = `
CREATE TABLE days AS
  SELECT client_id, date, sum(amount) AS rev, bool_or(amount >= 0) AS bought
  FROM sales GROUP BY client_id, date ORDER BY client_id, date`;

const days = (from: string | null, to: string) => `
  SELECT * FROM days WHERE date <= DATE '${to}' ${from ? `AND date >= DATE '${from}'` : ''}`;

/** clientId, revenue, abc, cv, xyz of every classed client (ABC by share, XYZ by the CV). */
export function abcxyzSql(from: string, to: string, a = 0.8, b = 0.95, x = 0.5): string {
  return `
WITH d AS (${days(from, to)}),
w AS (
  SELECT client_id, sum(rev) AS revenue, count(*) FILTER (WHERE bought) AS pdays,
         min(date) FILTER (WHERE bought) AS first
  FROM d GROUP BY client_id
  HAVING count(*) FILTER (WHERE bought) > 0 AND sum(rev) > 0),
ranked AS (
  SELECT *, coalesce(sum(revenue) OVER (ORDER BY revenue DESC, client_id
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(revenue) OVER () AS share
  FROM w),
-- Net revenue per month from the month of the first purchase in the window to the window's last.
months AS (
  SELECT d.client_id, (year(d.date) * 12 + month(d.date) - 1) AS p, sum(d.rev) AS rev
  FROM d JOIN w USING (client_id)
  WHERE w.pdays > 1 AND d.date >= date_trunc('month', w.first)
  GROUP BY ALL),
-- The months without a sale count as zero: Σ(s − mean)² over k months is the sum over the months
-- with sales plus (k − those months) · mean².
moments AS (
  SELECT m.client_id, sum(m.rev) / any_value(k.k) AS mean, any_value(k.k) AS k, count(*) AS busy
  FROM months m JOIN (
    SELECT client_id, year(DATE '${to}') * 12 + month(DATE '${to}')
                      - (year(first) * 12 + month(first)) + 1 AS k
    FROM w WHERE pdays > 1) k USING (client_id)
  GROUP BY m.client_id),
cv AS (
  SELECT m.client_id,
         CASE WHEN o.mean > 0
              THEN sqrt((sum((m.rev - o.mean) ^ 2) + (o.k - o.busy) * o.mean ^ 2) / o.k) / o.mean
         END AS cv
  FROM months m JOIN moments o USING (client_id) GROUP BY m.client_id, o.mean, o.k, o.busy)
SELECT r.client_id AS clientId, r.revenue::DOUBLE AS revenue,
       CASE WHEN r.share < ${a} THEN 'A' WHEN r.share < ${b} THEN 'B' ELSE 'C' END AS abc,
       cv.cv AS cv,
       CASE WHEN r.pdays = 1 THEN 'Z' WHEN cv.cv <= ${x} THEN 'X' ELSE 'Y' END AS xyz
FROM ranked r LEFT JOIN cv USING (client_id)
ORDER BY r.client_id`;
}

const segmentCells = RFM_SEGMENTS.flatMap((rule) => {
  const cells: string[] = [];
  for (let r = rule.r[0]; r <= rule.r[1]; r++)
    for (let f = rule.f[0]; f <= rule.f[1]; f++) cells.push(`(${r}, ${f}, '${rule.segment}')`);
  return cells;
}).join(', ');

/** clientId, recencyDays, frequency, monetary, r, f, m, segment of every client who bought. */
export function rfmSql(asOf: string): string {
  return `
WITH d AS (${days(null, asOf)}),
c AS (
  SELECT client_id, DATE '${asOf}' - max(date) FILTER (WHERE bought) AS recency,
         count(*) FILTER (WHERE bought) AS frequency, sum(rev) AS monetary
  FROM d GROUP BY client_id HAVING count(*) FILTER (WHERE bought) > 0),
scored AS (
  SELECT *, count(*) OVER () AS n,
         row_number() OVER (ORDER BY recency DESC, client_id) - 1 AS ri,
         row_number() OVER (ORDER BY frequency, client_id) - 1 AS fi,
         row_number() OVER (ORDER BY monetary, client_id) - 1 AS mi
  FROM c),
segments(r, f, segment) AS (VALUES ${segmentCells})
SELECT s.client_id AS clientId, s.recency::INTEGER AS recencyDays,
       s.frequency::INTEGER AS frequency, s.monetary::DOUBLE AS monetary,
       (s.ri * 5 // s.n + 1)::INTEGER AS r, (s.fi * 5 // s.n + 1)::INTEGER AS f,
       (s.mi * 5 // s.n + 1)::INTEGER AS m, g.segment
FROM scored s JOIN segments g ON g.r = s.ri * 5 // s.n + 1 AND g.f = s.fi * 5 // s.n + 1
ORDER BY s.client_id`;
}

/** atStart, atEnd, new of one period with the active window of `w` days. */
export function retentionSql(from: string, to: string, w = 365): string {
  return `
WITH p AS (
  SELECT client_id,
         max(date) FILTER (WHERE date <= DATE '${from}') AS last_at_start,
         max(date) AS last_at_end, min(date) AS first
  FROM days WHERE bought AND date <= DATE '${to}'
  GROUP BY client_id)
SELECT count(*) FILTER (WHERE DATE '${from}' - last_at_start <= ${w})::INTEGER AS atStart,
       count(*) FILTER (WHERE DATE '${to}' - last_at_end <= ${w})::INTEGER AS atEnd,
       count(*) FILTER (WHERE first >= DATE '${from}')::INTEGER AS new
FROM p`;
}
