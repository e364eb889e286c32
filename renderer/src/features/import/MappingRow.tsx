/** One column of the file in the mapping table: its example value, its field, its date order. */
import { useTranslation } from 'react-i18next';
import type { DateOrder, ImportFieldInfo } from '../../../../electron/api/contract';
import { readAs } from './describe';
import type { CellPolicy } from './useImportWizard';

interface Props {
  index: number;
  header: string;
  sample: string;
  fields: ImportFieldInfo[];
  field: string | null;
  onField: (key: string | null) => void;
  /** Whether the column needs the order of day and month, and the one chosen. */
  askOrder: boolean;
  showOrderColumn: boolean;
  order: DateOrder | undefined;
  /** A value of the column that reads both ways, to show what each order makes of it. */
  orderExample: string;
  onOrder: (order: DateOrder) => void;
  fieldError: string | undefined;
  orderError: string | undefined;
  /** The "if a value is bad" column, shown with `onInvalid: 'blank'`. */
  showPolicyColumn: boolean;
  /** What a bad cell does: null for a column left out, `fixed` where it always skips the row. */
  policy: CellPolicy | 'fixed' | null;
  onPolicy: (policy: CellPolicy) => void;
}

const POLICIES: CellPolicy[] = ['blank', 'skip'];

function PolicyCell({ header, policy, onPolicy }: Pick<Props, 'header' | 'policy' | 'onPolicy'>) {
  const { t } = useTranslation();
  if (policy === null) return <td className="imp-map__policy" />;
  if (policy === 'fixed') {
    return <td className="imp-map__policy muted">{t('imp.mapping.badCellFixed')}</td>;
  }
  return (
    <td className="imp-map__policy">
      <select
        value={policy}
        aria-label={t('imp.mapping.badCellFor', { column: header })}
        onChange={(e) => onPolicy(e.target.value as CellPolicy)}
      >
        {POLICIES.map((p) => (
          <option key={p} value={p}>
            {t(`imp.mapping.badCellPolicy.${p}`)}
          </option>
        ))}
      </select>
    </td>
  );
}

const ORDERS: DateOrder[] = ['dmy', 'mdy'];

export function MappingRow(props: Props) {
  const { t } = useTranslation();
  const { index, header, sample, field } = props;
  const fieldId = `imp-map-${index}`;
  const orderId = `imp-order-${index}`;
  return (
    <tr className={field ? 'imp-map__row' : 'imp-map__row imp-map__row--skip'} data-column={header}>
      <th scope="row" className="imp-map__header">
        <label htmlFor={fieldId}>{header}</label>
      </th>
      <td className="imp-map__sample" title={sample}>
        {sample}
      </td>
      <td className="imp-map__field">
        <select
          id={fieldId}
          value={field ?? ''}
          aria-label={t('imp.mapping.fieldFor', { column: header })}
          aria-invalid={props.fieldError ? true : undefined}
          aria-describedby={props.fieldError ? `${fieldId}-error` : undefined}
          onChange={(e) => props.onField(e.target.value || null)}
        >
          <option value="">{t('imp.mapping.skip')}</option>
          {props.fields.map((f) => (
            <option key={f.key} value={f.key}>
              {f.required ? `${f.label} · ${t('imp.mapping.requiredMark')}` : f.label}
            </option>
          ))}
        </select>
        {props.fieldError ? (
          <span id={`${fieldId}-error`} className="field-error" role="alert">
            {props.fieldError}
          </span>
        ) : null}
      </td>
      {props.showOrderColumn ? (
        <td className="imp-map__order">
          {props.askOrder ? (
            <>
              <select
                id={orderId}
                value={props.order ?? ''}
                aria-label={t('imp.mapping.orderFor', { column: header })}
                aria-invalid={props.orderError ? true : undefined}
                aria-describedby={props.orderError ? `${orderId}-error` : undefined}
                onChange={(e) => props.onOrder(e.target.value as DateOrder)}
              >
                <option value="" disabled>
                  {t('imp.mapping.chooseOrder')}
                </option>
                {ORDERS.map((order) => {
                  const example = props.orderExample;
                  const date = readAs(example, order);
                  return (
                    <option key={order} value={order}>
                      {t(`imp.mapping.${order}`)}
                      {date ? ` (${t('imp.mapping.reads', { example, date })})` : ''}
                    </option>
                  );
                })}
              </select>
              {props.orderError ? (
                <span id={`${orderId}-error`} className="field-error" role="alert">
                  {props.orderError}
                </span>
              ) : null}
            </>
          ) : null}
        </td>
      ) : null}
      {props.showPolicyColumn ? (
        <PolicyCell header={header} policy={props.policy} onPolicy={props.onPolicy} />
      ) : null}
    </tr>
  );
}
