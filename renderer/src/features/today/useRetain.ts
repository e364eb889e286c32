/**
 * The retention lists of the Today screen: clients slipping away and due to buy (each by its
 * own rhythm of purchases), and lost clients to win back. A contact logged on a row refreshes
 * them (the contract's channel metadata names them among what a contact changes).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { channelQuery } from '../../api/channel-query';
import { formatDate } from '../../lib/format';
import { localDayOf } from '../../../../kernel/local-date';
import { formatShortDate } from './dates';

/** Longest slipping-away and due lists fetched; the counts say how many there are in all. */
const LIMIT = 100;

export function useDue(today: string) {
  return useQuery({
    ...channelQuery('analytics.due', { asOf: today, limit: LIMIT }),
    placeholderData: keepPreviousData,
  });
}

/** Lost clients, the most valuable first ones, with how many there are in all. */
export function useWinBack() {
  return useQuery(channelQuery('analytics.winBackList', { limit: LIMIT }));
}

/**
 * A date (`YYYY-MM-DD`, or an ISO timestamp taken on the machine's clock) near today without its
 * year ("12 сен"), an older one with it ("12 сен 2025").
 */
export function dayLabel(value: string, today: string): string {
  const ymd = value.length > 10 ? localDayOf(value) : value;
  return ymd.slice(0, 4) === today.slice(0, 4) ? formatShortDate(ymd) : formatDate(ymd);
}

/** A fraction as a whole percentage in the page's language: 0.38 → "38 %" / "38%". */
export function formatShare(fraction: number): string {
  return new Intl.NumberFormat(i18next.language === 'en' ? 'en-US' : 'ru-RU', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(fraction);
}
