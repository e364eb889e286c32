/**
 * The card's Sales tab: totals, revenue by month, the Add sale form and the client's sales
 * newest first, each editable in place and deletable after a question.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../../electron/api/contract';
import { api } from '../../../api/client';
import { formatDate } from '../../../lib/format';
import { formatMoney, formatNumber } from '../../../lib/money';
import { ConfirmDialog } from '../ConfirmDialog';
import { today } from '../../../../../kernel/local-date';
import { SaleForm } from './SaleForm';
import { SalesChart } from './SalesChart';
import { useSales, useSalesSummary } from './useSales';
import './sales.css';

interface Props {
  clientId: string;
  /** No writing: a client in the trash. */
  readOnly: boolean;
}

export function SalesTab({ clientId, readOnly }: Props) {
  const { t } = useTranslation();
  const sales = useSales(clientId);
  const summary = useSalesSummary(clientId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Sale | null>(null);
  const list = sales.data ?? [];
  const hasSales = (summary.data?.count ?? 0) > 0;

  return (
    <div className="sales" data-testid="sales-tab">
      <div className="sales__head">
        {summary.data ? (
          <dl className="sales__totals" aria-label={t('sales.totals.label')}>
            <div>
              <dt>{t('sales.totals.total')}</dt>
              <dd data-testid="sales-total">{formatMoney(summary.data.total)}</dd>
            </div>
            <div>
              <dt>{t('sales.totals.margin')}</dt>
              <dd data-testid="sales-margin">
                {/* No sale has a margin entered: unknown, not zero. */}
                {summary.data.marginCount > 0 ? formatMoney(summary.data.margin) : '—'}
              </dd>
            </div>
            <div>
              <dt>{t('sales.totals.count')}</dt>
              <dd data-testid="sales-count">{formatNumber(summary.data.count)}</dd>
            </div>
          </dl>
        ) : null}
        {readOnly || adding ? null : (
          <button
            type="button"
            className="primary sales__add"
            onClick={() => {
              setAdding(true);
              setEditing(null);
            }}
          >
            + {t('sales.add')}
          </button>
        )}
      </div>
      {adding ? (
        <SaleForm
          defaultDate={today()}
          pathPrefix=""
          onCancel={() => setAdding(false)}
          onSubmit={async (values) => {
            await api.call('sales.add', { clientId, ...values });
            setAdding(false);
          }}
        />
      ) : null}
      {summary.data && hasSales ? <SalesChart byMonth={summary.data.byMonth} /> : null}
      {(sales.error ?? summary.error) ? (
        <p className="error" role="alert">
          {(sales.error ?? summary.error)?.message}
        </p>
      ) : null}
      {sales.isSuccess && list.length === 0 ? (
        <p className="muted">{t('sales.table.empty')}</p>
      ) : null}
      {list.length > 0 ? (
        <div className="sales__scroll">
          <table className="sales__table" aria-label={t('sales.table.label')}>
            <thead>
              <tr>
                <th>{t('sales.table.date')}</th>
                <th>{t('sales.table.docNo')}</th>
                <th>{t('sales.table.category')}</th>
                <th>{t('sales.table.product')}</th>
                <th className="num">{t('sales.table.quantity')}</th>
                <th className="num">{t('sales.table.amount')}</th>
                <th className="num">{t('sales.table.margin')}</th>
                {readOnly ? null : (
                  <th>
                    <span className="sales__sr">{t('sales.table.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.map((sale) =>
                editing === sale.id ? (
                  <tr key={sale.id} className="sales__editing">
                    <td colSpan={8}>
                      <SaleForm
                        initial={sale}
                        defaultDate={sale.date}
                        pathPrefix="patch."
                        onCancel={() => setEditing(null)}
                        onSubmit={async (patch) => {
                          await api.call('sales.update', { id: sale.id, patch });
                          setEditing(null);
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={sale.id}>
                    <td className="nowrap">{formatDate(sale.date)}</td>
                    <td>{sale.docNo ?? ''}</td>
                    <td>{sale.category ?? ''}</td>
                    <td className="sales__product">{sale.product ?? ''}</td>
                    <td className="num">
                      {sale.quantity === null ? '' : formatNumber(sale.quantity)}
                    </td>
                    <td className="num nowrap">{formatMoney(sale.amount)}</td>
                    <td className="num nowrap">
                      {sale.margin === null ? '' : formatMoney(sale.margin)}
                    </td>
                    {readOnly ? null : (
                      <td className="sales__actions nowrap">
                        <button
                          type="button"
                          className="link"
                          aria-label={t('sales.edit')}
                          title={t('sales.edit')}
                          onClick={() => {
                            setEditing(sale.id);
                            setAdding(false);
                          }}
                        >
                          ✎
                        </button>
                        <button
                          type="button"
                          className="link"
                          aria-label={t('sales.delete')}
                          title={t('sales.delete')}
                          onClick={() => setDeleting(sale)}
                        >
                          ✕
                        </button>
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          message={t('sales.confirmDelete', {
            date: formatDate(deleting.date),
            amount: formatMoney(deleting.amount),
          })}
          onConfirm={async () => {
            await api.call('sales.delete', { id: deleting.id });
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
