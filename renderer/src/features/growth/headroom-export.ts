/** The headroom ranking as a table for `export.table`: the columns the screen shows, typed. */
import type { InputOf, PlanReportRow } from '../../../../electron/api/contract';

type Table = Pick<InputOf<'export.table'>, 'title' | 'columns' | 'rows'>;

export function headroomTable(
  rows: PlanReportRow[],
  title: string,
  t: (key: string) => string,
): Table {
  const label = (key: string) => t(`growth.table.${key}`);
  return {
    title,
    columns: [
      { label: label('rank'), type: 'number' },
      { label: label('client'), type: 'text' },
      { label: label('potential'), type: 'money' },
      { label: label('plan'), type: 'money' },
      { label: label('actual'), type: 'money' },
      { label: label('penetration'), type: 'percent' },
      { label: label('fulfilment'), type: 'percent' },
      { label: label('headroom'), type: 'money' },
      { label: label('upSale'), type: 'money' },
      { label: label('crossSale'), type: 'money' },
    ],
    rows: rows.map((r, i) => [
      i + 1,
      r.name,
      r.potential,
      r.plan,
      r.actual,
      r.penetration,
      r.fulfilment,
      r.headroom,
      r.upSale,
      r.crossSale,
    ]),
  };
}
