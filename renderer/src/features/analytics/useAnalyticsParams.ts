/**
 * The dashboard's filters and the open drill-down live in the address
 * (`#/analytics?months=12&asOf=2026-05-20&manager=…&drill=matrix:AX`), so going back from a card
 * opened in the drill-down returns to the same figures with the same list open.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { today } from '../../../../kernel/local-date';

export const WINDOW_MONTHS = [3, 6, 12, 24] as const;
export const DRILL_KINDS = ['matrix', 'migration', 'rfm', 'slipping', 'due'] as const;

export interface Filters {
  months: number;
  asOf: string;
  /** '' for all managers. */
  managerId: string;
}

export interface Drill {
  kind: (typeof DRILL_KINDS)[number];
  key: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function readDrill(value: string | null): Drill | null {
  if (!value) return null;
  const at = value.indexOf(':');
  const kind = DRILL_KINDS.find((k) => k === value.slice(0, at));
  return kind ? { kind, key: value.slice(at + 1) } : null;
}

export function useAnalyticsParams() {
  const [params, setParams] = useSearchParams();
  const months = Number(params.get('months'));
  const asOf = params.get('asOf') ?? '';
  const filters: Filters = {
    months: (WINDOW_MONTHS as readonly number[]).includes(months) ? months : 12,
    // Today on the local calendar: the default end of the window.
    asOf: DATE.test(asOf) ? asOf : today(),
    managerId: params.get('manager') ?? '',
  };
  const drill = readDrill(params.get('drill'));

  const update = useCallback(
    (patch: Record<string, string | null>, replace: boolean) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [k, v] of Object.entries(patch)) {
            if (v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace },
      ),
    [setParams],
  );
  const setFilters = useCallback(
    (patch: Partial<Filters>) =>
      update(
        {
          ...(patch.months !== undefined ? { months: String(patch.months) } : {}),
          ...(patch.asOf !== undefined ? { asOf: patch.asOf } : {}),
          ...(patch.managerId !== undefined ? { manager: patch.managerId } : {}),
        },
        true,
      ),
    [update],
  );
  const openDrill = useCallback(
    // Opening or closing a list is a step Back undoes; changing a filter is not.
    (next: Drill | null) => update({ drill: next ? `${next.kind}:${next.key}` : null }, false),
    [update],
  );
  return { filters, setFilters, drill, openDrill };
}
