/** The client list: search while typing, a virtualized table, and the way to a new client. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { useHotkey } from '../../lib/useHotkey';
import { NewClientDialog } from './NewClientDialog';
import { useClientPages } from './useClientPages';

const ROW_HEIGHT = 36;
const HOTKEYS = ['k', 'f'];

export function ClientsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const query = useDebounced(search.trim(), 150);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  useHotkey(
    HOTKEYS,
    useCallback(() => searchRef.current?.focus(), []),
  );

  const [range, setRange] = useState({ first: 0, last: 50 });
  const pages = useClientPages(query, range.first, range.last);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is not memoizable by React Compiler; this component is not compiled.
  const virtualizer = useVirtualizer({
    count: pages.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    onChange: (v) => {
      const items = v.getVirtualItems();
      const first = items[0]?.index ?? 0;
      const last = items.at(-1)?.index ?? 0;
      setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    },
  });

  const open = (id: string) => void navigate(`/clients/${id}`);
  const isEmptyBase = !pages.loading && pages.total === 0 && query === '';

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('clients.title')}</h1>
        <span className="muted" data-testid="clients-count">
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
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('clients.new')}
        </button>
      </header>
      {pages.error ? (
        <p className="error" role="alert">
          {pages.error.message}
        </p>
      ) : null}
      {isEmptyBase ? (
        <div className="empty">
          <h2>{t('clients.emptyTitle')}</h2>
          <p>{t('clients.emptyBody')}</p>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('clients.new')}
          </button>
        </div>
      ) : (
        <div className="table" role="table" aria-rowcount={pages.total}>
          <div className="table__row table__head" role="row">
            {(['name', 'company', 'phone', 'email', 'stage', 'updatedAt'] as const).map((c) => (
              <div key={c} role="columnheader" className={`cell cell--${c}`}>
                {t(`fields.${c}`)}
              </div>
            ))}
          </div>
          <div className="table__body" ref={scrollRef}>
            {!pages.loading && pages.total === 0 ? (
              <div className="empty empty--inline">
                <p>{t('clients.noResults', { query })}</p>
                <button type="button" onClick={() => setSearch('')}>
                  {t('clients.clearSearch')}
                </button>
              </div>
            ) : null}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = pages.rowAt(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    tabIndex={row ? 0 : -1}
                    className="table__row"
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    onDoubleClick={() => row && open(row.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && row) open(row.id);
                    }}
                  >
                    {row ? (
                      <>
                        <div role="cell" className="cell cell--name">
                          <Link to={`/clients/${row.id}`}>{row.name}</Link>
                        </div>
                        <div role="cell" className="cell cell--company">
                          {row.company}
                        </div>
                        <div role="cell" className="cell cell--phone">
                          {row.phone}
                        </div>
                        <div role="cell" className="cell cell--email">
                          {row.email}
                        </div>
                        <div role="cell" className="cell cell--stage">
                          <span className={`badge badge--${row.stage}`}>
                            {t(`stages.${row.stage}`)}
                          </span>
                        </div>
                        <div role="cell" className="cell cell--updatedAt">
                          {formatDate(row.updatedAt)}
                        </div>
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
      )}
      {creating ? <NewClientDialog onClose={() => setCreating(false)} onCreated={open} /> : null}
    </section>
  );
}
