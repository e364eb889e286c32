/**
 * The grid of the client table. A column the user resized keeps its width in pixels; the others
 * share the room left, never narrower than what their usual content needs (a phone
 * "+7 (903) 111-22-33", a stage badge, a date, the header "Последняя покупка"), so at 1366 px
 * nothing of that is cut and a narrower window scrolls sideways with the name column frozen.
 */
import type { CatalogField } from './catalog';
import type { Widths } from './useColumnLayout';

export const CHECK_WIDTH = 32;
export const RESTORE_WIDTH = 110;

/** The least width (px) and the share of spare room of a column. */
const SIZES: Record<string, [number, number]> = {
  name: [170, 2],
  company: [110, 1.4],
  phone: [150, 1],
  email: [120, 1.3],
  stage: [142, 1],
  kind: [120, 1],
  managerId: [128, 1],
  tags: [120, 1.2],
  birthday: [110, 0.8],
  updatedAt: [110, 0.8],
  lastPurchase: [162, 0.8],
  lastContact: [162, 0.8],
  revenueYear: [130, 0.8],
  suggestedStage: [150, 1],
};
const OTHER: [number, number] = [120, 1];

/** The width a column has at least when the user has not set one. */
export const leastWidth = (key: string) => (SIZES[key] ?? OTHER)[0];

export function columnGrid(shown: CatalogField[], widths: Widths, restore: boolean) {
  let total = CHECK_WIDTH + (restore ? RESTORE_WIDTH : 0);
  const tracks = shown.map((f) => {
    const fixed = widths[f.key];
    const [min, share] = SIZES[f.key] ?? OTHER;
    total += fixed ?? min;
    return fixed !== undefined ? `${fixed}px` : `minmax(${min}px, ${share}fr)`;
  });
  return {
    template: `${CHECK_WIDTH}px ${tracks.join(' ')}${restore ? ` ${RESTORE_WIDTH}px` : ''}`,
    /** Below this the table scrolls sideways. */
    minWidth: total,
  };
}
