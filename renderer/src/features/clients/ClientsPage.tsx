/**
 * The client list: search while typing, filter chips, sortable columns of the user's choice,
 * saved views, row selection with bulk actions (undoable), and the trash.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type {
  BulkResult,
  Filter,
  ListQuery,
  SavedView,
  Sort,
} from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { useDebounced } from '../../lib/useDebounced';
import { ExportMenu, type ExportChoice } from '../export/ExportMenu';
import { rememberPosition } from '../keyboard/list-position';
import { BulkBar } from './list/BulkBar';
import { DEFAULT_COLUMNS, useCatalog } from './list/catalog';
import { ClientTable } from './list/ClientTable';
import { ColumnPicker } from './list/ColumnPicker';
import { FilterBar } from './list/FilterBar';
import { ViewsMenu } from './list/ViewsMenu';
import './list/list.css';
import { DemoButton } from '../first-run/DemoButton';
import { NewClientDialog } from './NewClientDialog';
import { PAGE_SIZE, useClientPages } from './useClientPages';
import { useColumnLayout } from './list/useColumnLayout';

export function ClientsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const visit = location.state as { focusSearch?: boolean; newClient?: boolean } | null;
  const focusSearch = visit?.focusSearch === true;
  const catalog = useCatalog();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filter[]>([]);
  const [sort, setSort] = useState<Sort | undefined>();
  const [columns, setColumns] = useState<string[]>(DEFAULT_COLUMNS);
  const [trash, setTrash] = useState(false);
  const [viewId, setViewId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [toast, setToast] = useState<{ text: string; batchId?: string } | null>(null);
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(false);
  // Until the table measures itself: the first page only (the start asked for it already).
  const [range, setRange] = useState({ first: 0, last: PAGE_SIZE - 1 });
  const searchRef = useRef<HTMLInputElement>(null);
  const layout = useColumnLayout(viewId ?? 'list');
  // Ctrl+K (the rail's shortcut) arrives as a visit with `focusSearch`, also when already here.
  useEffect(() => {
    if (focusSearch) searchRef.current?.focus();
  }, [focusSearch, location.key]);
  // The N key (or the command palette) arrives as a visit with `newClient`, Today's first steps
  // with `?new=1`: each visit opens the new-client dialog once, also when the list is already
  // shown (a click on Today's button while the list was on its way to the screen was lost).
  const [newClientVisit, setNewClientVisit] = useState<string | null>(null);
  if ((visit?.newClient || params.get('new') === '1') && newClientVisit !== location.key) {
    setNewClientVisit(location.key);
    setCreating(true);
  }
  const focusFirstRow = () =>
    document.querySelector<HTMLElement>('.table__body [role="row"][tabindex="0"]')?.focus();

  // The first letter after a pause (or a pasted name) is searched at once, the rest as typing settles.
  const debounced = useDebounced(search.trim(), 150, { leading: true });
  const query: ListQuery = useMemo(
    () => ({
      ...(debounced ? { query: debounced } : {}),
      ...(filters.length ? { filters } : {}),
      ...(sort ? { sort } : {}),
      ...(trash ? { trash } : {}),
    }),
    [debounced, filters, sort, trash],
  );
  const pages = useClientPages(query, range.first, range.last);

  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const changeQuery = (apply: () => void) => {
    apply();
    clearSelection();
  };
  const openView = (view: SavedView | null) =>
    changeQuery(() => {
      setViewId(view?.id ?? null);
      setSearch(view?.definition.query ?? '');
      setFilters(view?.definition.filters ?? []);
      setSort(view?.definition.sort);
      setColumns(view?.definition.columns ?? DEFAULT_COLUMNS);
    });

  const undo = useMutation({
    mutationFn: (batchId: string) => api.call('history.undoBatch', { batchId }),
    onSuccess: (result) => setToast({ text: t('list.bulk.undone', { count: result.reverted }) }),
  });
  const restore = useMutation({
    mutationFn: (id: string) => api.call('clients.restore', { id }),
  });
  const emptyTrash = useMutation({
    mutationFn: () => api.call('trash.empty', {}),
  });
  const onBulkDone = (result: BulkResult) => {
    setToast({ text: t('list.bulk.done', { count: result.affected }), batchId: result.batchId });
    clearSelection();
  };

  /**
   * The whole current result (the search as typed, not yet debounced) with the columns shown,
   * and Kartoteka's id last: importing the file back finds every client by it.
   */
  const exportList = (choice: ExportChoice) =>
    api.call('export.clients', {
      ...choice,
      query: { ...query, query: search.trim() || undefined },
      columns: [
        ...columns.flatMap((key) => {
          const field = catalog.find((f) => f.key === key);
          return field ? [{ key, label: field.label }] : [];
        }),
        { key: 'id', label: t('fields.id') },
      ],
    });

  const count = allMatching ? pages.total : selected.size;
  const isEmptyBase =
    !pages.loading && pages.total === 0 && !query.query && !filters.length && !trash;

  return (
    <section className="page">
      <header className="page__header">
        <h1>{trash ? t('list.trashTitle') : t('clients.title')}</h1>
        <span className="muted nowrap" data-testid="clients-count">
          {t('clients.count', { count: pages.total })}
        </span>
        <input
          ref={searchRef}
          type="search"
          className="search"
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          title={t('search.shortcut')}
          value={search}
          onChange={(e) => changeQuery(() => setSearch(e.target.value))}
          onKeyDown={(e) => {
            // The results are the rows below: ArrowDown walks into them.
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusFirstRow();
            }
          }}
        />
        <ExportMenu onExport={exportList} disabled={pages.total === 0} />
        {!trash ? (
          <button type="button" className="nowrap" onClick={() => void navigate('/import')}>
            {t('nav.import')}
          </button>
        ) : null}
        {!trash ? (
          <button type="button" className="primary nowrap" onClick={() => setCreating(true)}>
            {t('clients.new')}
          </button>
        ) : (
          <button
            type="button"
            className="nowrap"
            disabled={pages.total === 0}
            onClick={() =>
              window.confirm(t('list.emptyTrashConfirm', { count: pages.total })) &&
              emptyTrash.mutate()
            }
          >
            {t('list.emptyTrash')}
          </button>
        )}
      </header>
      <div className="list-tools">
        {!trash ? (
          <ViewsMenu
            current={{ ...query, trash: undefined, columns }}
            activeId={viewId}
            onOpen={openView}
          />
        ) : null}
        {!trash ? (
          <FilterBar
            catalog={catalog}
            filters={filters}
            onChange={(f) => changeQuery(() => setFilters(f))}
          />
        ) : null}
        <div className="list-tools__end">
          <Link className="button-link" to="/changes">
            {t('list.journal.open')}
          </Link>
          <ColumnPicker
            catalog={catalog}
            columns={columns}
            onChange={setColumns}
            density={layout.density}
            onDensity={layout.setDensity}
          />
          <button
            type="button"
            className="nowrap"
            onClick={() => changeQuery(() => setTrash((v) => !v))}
          >
            {trash ? t('list.backToClients') : t('list.trash')}
          </button>
        </div>
      </div>
      {count > 0 && !trash ? (
        <div className="selection-row">
          <BulkBar
            count={count}
            target={allMatching ? { filter: query } : { ids: [...selected] }}
            onDone={onBulkDone}
          />
          {!allMatching && selected.size < pages.total ? (
            <button type="button" className="link" onClick={() => setAllMatching(true)}>
              {t('list.selectAllMatching', { count: pages.total })}
            </button>
          ) : null}
          <button type="button" className="link" onClick={clearSelection}>
            {t('list.clearSelection')}
          </button>
        </div>
      ) : null}
      {toast ? (
        <div className="toast" role="status">
          {toast.text}
          {toast.batchId ? (
            <button
              type="button"
              className="link"
              disabled={undo.isPending}
              onClick={() => toast.batchId && undo.mutate(toast.batchId)}
            >
              {undo.isPending ? t('list.bulk.undoing') : t('list.bulk.undo')}
            </button>
          ) : null}
          <button type="button" className="link" aria-label="×" onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      ) : null}
      {pages.error ? (
        <p className="error" role="alert">
          {pages.error.message}
        </p>
      ) : null}
      {isEmptyBase ? (
        <div className="empty">
          <h2>{t('clients.emptyTitle')}</h2>
          <p>{t('clients.emptyBody')}</p>
          <div className="empty__actions">
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              {t('clients.new')}
            </button>
            <button type="button" onClick={() => void navigate('/import')}>
              {t('clients.importFirst')}
            </button>
            <DemoButton />
          </div>
        </div>
      ) : (
        <ClientTable
          catalog={catalog}
          columns={columns}
          pages={pages}
          sort={sort}
          onSort={(s) => changeQuery(() => setSort(s))}
          selected={selected}
          allMatching={allMatching}
          onSelect={(next) => {
            setAllMatching(false);
            setSelected(next);
          }}
          onRange={setRange}
          widths={layout.widths}
          onResize={layout.resize}
          onResetWidth={layout.reset}
          density={layout.density}
          onOpen={(id, index) => {
            rememberPosition({ query, index, id });
            void navigate(`/clients/${id}`);
          }}
          onLeaveTop={() => searchRef.current?.focus()}
          queryKey={JSON.stringify(query)}
          emptyText={
            trash ? t('list.trashEmpty') : t('clients.noResults', { query: query.query ?? '' })
          }
          onClearSearch={query.query ? () => changeQuery(() => setSearch('')) : undefined}
          {...(trash ? { onRestore: (id: string) => restore.mutate(id) } : {})}
        />
      )}
      {creating ? (
        <NewClientDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => void navigate(`/clients/${id}`, { state: { focusField: 'name' } })}
        />
      ) : null}
    </section>
  );
}
