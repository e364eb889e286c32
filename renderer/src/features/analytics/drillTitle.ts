/**
 * The title of an analytics drill-down ("Slipping away", "Clients in AX"), for its panel and
 * for a campaign whose audience was drawn from it.
 */
import { useTranslation } from 'react-i18next';
import type { ListDrill } from '../../../../electron/api/contract';

export function useDrillTitle(drill: Pick<ListDrill, 'kind' | 'key'>): string {
  const { t } = useTranslation();
  const cls = (c: string | undefined) =>
    c === undefined || c === 'none' || c === 'new' || c === 'gone' ? null : c;
  if (drill.kind === 'matrix') return t('ana.drill.titles.matrix', { key: drill.key });
  if (drill.kind === 'rfm')
    return t('ana.drill.titles.rfm', { segment: t(`ana.rfm.segments.${drill.key}`) });
  if (drill.kind === 'slipping') return t('ana.drill.titles.slipping');
  if (drill.kind === 'due') return t('ana.drill.titles.due');
  if (drill.kind === 'winBack') return t('ret.winBack.title');
  if (drill.key === 'up' || drill.key === 'down') return t(`ana.drill.titles.${drill.key}`);
  const [from, to] = drill.key.split('>');
  if (!cls(from)) return t('ana.drill.titles.new', { to });
  if (!cls(to)) return t('ana.drill.titles.gone', { from });
  return t('ana.drill.titles.migration', { from, to });
}
