/**
 * The virtualized client table: only visible rows are rendered and fetched. Click a header to
 * sort, tick rows (Shift-click ticks a range), double-click or Enter opens the card. The rows are
 * one tab stop (a roving tabindex): arrows, Home/End and PageUp/PageDown move between them,
 * Space ticks one, ArrowUp on the first goes back to the search box.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClientListRow, Sort } from '../../../../../electron/api/contract';
import type { CatalogField } from './catalog';
import { columnGrid, leastWidth } from './column-sizes';
import { ResizeHandle } from './ResizeHandle';
import type { Density, Widths } from './useColumnLayout';

const PAGE_STEP = 10;
const MOVES: Record<string, (index: number, total: number) => number> = {
  ArrowDown: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  PageDown: (i) => i + PAGE_STEP,
  PageUp: (i) => i - PAGE_STEP,
  Home: () => 0,
  End: (_, total) => total - 1,
};
const ROW_HEIGHTS: Record<Density, number> = { comfortable: 36, compact: 28 };

/** Gives a cell whose text is cut (by itself or by its badge) the whole text as a tooltip. */
function explainCut(e: MouseEvent) {
  const cell = (e.target as HTMLElement).closest<HTMLElement>('[role="cell"]');
  if (!cell) return;
  const cut = [cell, ...Array.from(cell.children)].some((el) => el.scrollWidth > el.clientWidth);
  if (cut) cell.title = cell.textContent ?? '';
  else cell.removeAttribute('title');
}

interface Props {
  catalog: CatalogField[];
  columns: string[];
  pages: { total: number; loading: boolean; rowAt: (i: number) => ClientListRow | undefined };
  sort: Sort | undefined;
  onSort: (sort: Sort | undefined) => void;
  selected: Set<string>;
  allMatching: boolean;
  onSelect: (next: Set<string>) => void;
  onRange: (range: { first: number; last: number }) => void;
  /** Opens the card of the row at `index`. */
  onOpen: (id: string, index: number) => void;
  /** ArrowUp on the first row: back to where the user came from (the search box). */
  onLeaveTop?: () => void;
  /** Changes with the list's query: the roving tab stop goes back to the first row. */
  queryKey: string;
  emptyText: string;
  /** Offered beside the empty text only when a search or a filter is what emptied the list. */
  onClearSearch?: (() => void) | undefined;
  onRestore?: (id: string) => void;
  widths: Widths;
  onResize: (key: string, width: number) => void;
  onResetWidth: (key: string) => void;
  density: Density;
}

export function ClientTable(props: Props) {
  const { t } = useTranslation();
  const { catalog, columns, pages, sort, selected, allMatching } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<number | null>(null);
  const [active, setActive] = useState(0);
  const [activeQuery, setActiveQuery] = useState(props.queryKey);
  if (activeQuery !== props.queryKey) {
    setActiveQuery(props.queryKey);
    setActive(0);
  }
  // The row to focus once the virtualizer has drawn it (a move may scroll it into view first).
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(
      `[data-index="${pendingFocus.current}"]`,
    );
    if (row) {
      pendingFocus.current = null;
      row.focus();
    }
  });
  const shown = columns
    .map((key) => catalog.find((f) => f.key === key))
    .filter((f): f is CatalogField => Boolean(f));
  const { template, minWidth } = columnGrid(shown, props.widths, Boolean(props.onRestore));
  const ROW_HEIGHT = ROW_HEIGHTS[props.density];
  const headRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is not memoizable by React Compiler; this component is not compiled.
  const virtualizer = useVirtualizer({
    count: pages.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows drawn beyond the visible ones, each way (see PAGE_SIZE).
    overscan: 10,
    onChange: (v) => {
      const items = v.getVirtualItems();
      props.onRange({ first: items[0]?.index ?? 0, last: items.at(-1)?.index ?? 0 });
    },
  });

  // Rows change height with the density: measure them again.
  useEffect(() => virtualizer.measure(), [virtualizer, ROW_HEIGHT]);

  const toggle = (index: number, id: string, shift: boolean) => {
    const next = new Set(selected);
    if (shift && anchor.current !== null) {
      const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
      for (let i = from; i <= to; i++) {
        const row = pages.rowAt(i);
        if (row) next.add(row.id);
      }
    } else if (next.has(id)) next.delete(id);
    else next.add(id);
    anchor.current = index;
    props.onSelect(next);
  };

  const items = virtualizer.getVirtualItems();
  // The one row Tab reaches: the active one while drawn, else the first drawn.
  const tabStop = items.some((i) => i.index === active) ? active : (items[0]?.index ?? 0);
  // Looked up once, not for each of the rows drawn.
  const selectRow = t('list.selectRow');
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(pages.total - 1, index));
    setActive(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next);
  };
  const onRowKey = (event: KeyboardEvent, index: number, row: ClientListRow | undefined) => {
    if (event.target !== event.currentTarget) return;
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      if (event.key === 'ArrowUp' && index === 0 && props.onLeaveTop) props.onLeaveTop();
      else moveTo(move(index, pages.total));
    } else if (event.key === 'Enter' && row) {
      event.preventDefault();
      props.onOpen(row.id, index);
    } else if (event.key === ' ' && row) {
      event.preventDefault();
      toggle(index, row.id, event.shiftKey);
    }
  };

  const headerSort = (key: string) => {
    if (sort?.field !== key) return props.onSort({ field: key, dir: 'asc' });
    if (sort.dir === 'asc') return props.onSort({ field: key, dir: 'desc' });
    props.onSort(undefined);
  };

  return (
    <div className="table" role="table" aria-rowcount={pages.total}>
      <div className="table__head-scroll" ref={headRef}>
        <div
          className="table__row table__head"
          role="row"
          style={{ gridTemplateColumns: template, minWidth }}
        >
          <div role="columnheader" className="cell cell--check cell--frozen" />
          {shown.map((f) => (
            <div
              key={f.key}
              role="columnheader"
              className={`cell${f.align ? ' cell--right' : ''}${f.key === 'name' ? ' cell--name cell--frozen' : ''}`}
              aria-sort={
                sort?.field === f.key
                  ? sort.dir === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              <button
                type="button"
                className="sort"
                title={t('list.sortBy', { field: f.label })}
                onClick={() => headerSort(f.key)}
              >
                {f.label}
                {sort?.field === f.key ? (sort.dir === 'asc' ? ' ↑' : ' ↓') : ''}
              </button>
              <ResizeHandle
                label={t('list.resizeColumn', { field: f.label })}
                width={props.widths[f.key] ?? leastWidth(f.key)}
                onResize={(w) => props.onResize(f.key, w)}
                onReset={() => props.onResetWidth(f.key)}
              />
            </div>
          ))}
          {props.onRestore ? <div role="columnheader" className="cell" /> : null}
        </div>
      </div>
      <div
        className="table__body"
        ref={scrollRef}
        onScroll={(e) => {
          if (headRef.current) headRef.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
        onMouseOver={explainCut}
      >
        {!pages.loading && pages.total === 0 ? (
          <div className="empty empty--inline">
            <p>{props.emptyText}</p>
            {props.onClearSearch ? (
              <button type="button" onClick={props.onClearSearch}>
                {t('clients.clearSearch')}
              </button>
            ) : null}
          </div>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            const checked = row ? allMatching || selected.has(row.id) : false;
            return (
              <div
                key={item.key}
                role="row"
                data-index={item.index}
                tabIndex={item.index === tabStop ? 0 : -1}
                aria-selected={checked}
                className={`table__row${checked ? ' table__row--selected' : ''}`}
                style={{
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                  gridTemplateColumns: template,
                  minWidth,
                }}
                onDoubleClick={() => row && props.onOpen(row.id, item.index)}
                onFocus={(e) => e.target === e.currentTarget && setActive(item.index)}
                onKeyDown={(e) => onRowKey(e, item.index, row)}
              >
                {row ? (
                  <>
                    <div role="cell" className="cell cell--check cell--frozen">
                      <input
                        type="checkbox"
                        tabIndex={-1}
                        aria-label={`${selectRow}: ${row.name}`}
                        checked={checked}
                        onChange={() => undefined}
                        onClick={(e) => toggle(item.index, row.id, e.shiftKey)}
                      />
                    </div>
                    {shown.map((f) => (
                      <div
                        key={f.key}
                        role="cell"
                        className={`cell cell--${f.key.replace('.', '-')}${f.align ? ' cell--right' : ''}${f.key === 'name' ? ' cell--frozen' : ''}`}
                      >
                        {f.key === 'name' ? (
                          <Link
                            to={`/clients/${row.id}`}
                            tabIndex={-1}
                            onClick={(e) => {
                              e.preventDefault();
                              props.onOpen(row.id, item.index);
                            }}
                          >
                            {row.name}
                          </Link>
                        ) : f.key === 'stage' ? (
                          <span className={`badge badge--${row.stage}`}>{f.show(row)}</span>
                        ) : (
                          f.show(row)
                        )}
                      </div>
                    ))}
                    {props.onRestore ? (
                      <div role="cell" className="cell">
                        <button
                          type="button"
                          className="link"
                          onClick={() => props.onRestore?.(row.id)}
                        >
                          {t('list.restore')}
                        </button>
                      </div>
                    ) : null}
                  </>
                ) : (
                  <div role="cell" className="cell muted">
                    …
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
