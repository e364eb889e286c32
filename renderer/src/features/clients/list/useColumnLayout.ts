/**
 * How the list is laid out on this computer: column widths the user dragged (per saved view,
 * or for the plain list when no view is open; a view not yet resized takes the list's), and the
 * row density. Kept in localStorage: it is the screen's, not the workbook's.
 */
import { useState } from 'react';

export type Density = 'comfortable' | 'compact';
export type Widths = Record<string, number>;

const WIDTHS = 'kartoteka.list.widths.';
const DENSITY = 'kartoteka.list.density';
export const MIN_WIDTH = 60;
export const MAX_WIDTH = 800;

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

const isWidths = (v: unknown): v is Widths =>
  typeof v === 'object' &&
  v !== null &&
  Object.values(v).every((n) => typeof n === 'number' && Number.isFinite(n));

function storedWidths(scope: string): Widths {
  const own = read(WIDTHS + scope);
  if (isWidths(own)) return own;
  const list = read(`${WIDTHS}list`);
  return isWidths(list) ? list : {};
}

export function useColumnLayout(scope: string) {
  const [cache, setCache] = useState<Record<string, Widths>>({});
  const [density, setDensityState] = useState<Density>(() =>
    read(DENSITY) === 'compact' ? 'compact' : 'comfortable',
  );
  const widths = cache[scope] ?? storedWidths(scope);

  const save = (next: Widths) => {
    localStorage.setItem(WIDTHS + scope, JSON.stringify(next));
    setCache((all) => ({ ...all, [scope]: next }));
  };
  const resize = (key: string, width: number) =>
    save({ ...widths, [key]: Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width))) });
  /** Back to the width the list chooses itself. */
  const reset = (key: string) => {
    save(Object.fromEntries(Object.entries(widths).filter(([k]) => k !== key)));
  };
  const setDensity = (next: Density) => {
    localStorage.setItem(DENSITY, JSON.stringify(next));
    setDensityState(next);
  };
  return { widths, resize, reset, density, setDensity };
}
