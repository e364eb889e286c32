/**
 * Adding or editing one sale. Money is typed in major units with a comma or a dot; a value
 * that is not a number, or a refusal of the API, shows under the input it concerns.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../../electron/api/contract';
import { ApiError } from '../../../api/client';
import { moneyToInput, numberToInput, parseMoney, parseNumber } from '../../../lib/money';
import { messageOf } from '../useCardData';
import { DateInput } from '../../../lib/DateInput';

export interface SaleValues {
  date: string;
  amount: number;
  margin: number | null;
  category: string | null;
  product: string | null;
  quantity: number | null;
  docNo: string | null;
}

type Field = keyof SaleValues;
const FIELDS: Field[] = ['date', 'amount', 'margin', 'category', 'product', 'quantity', 'docNo'];

interface Props {
  /** The sale being edited; a new one when absent. */
  initial?: Sale;
  defaultDate: string;
  /** Where the API names this form's inputs: `''` for `sales.add`, `'patch.'` for an update. */
  pathPrefix: string;
  onSubmit: (values: SaleValues) => Promise<void>;
  onCancel: () => void;
}

type Texts = Record<Field, string>;

function textsOf(sale: Sale | undefined, defaultDate: string): Texts {
  return {
    date: sale?.date ?? defaultDate,
    amount: sale ? moneyToInput(sale.amount) : '',
    margin: sale?.margin != null ? moneyToInput(sale.margin) : '',
    category: sale?.category ?? '',
    product: sale?.product ?? '',
    quantity: sale?.quantity != null ? numberToInput(sale.quantity) : '',
    docNo: sale?.docNo ?? '',
  };
}

export function SaleForm({ initial, defaultDate, pathPrefix, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [texts, setTexts] = useState<Texts>(() => textsOf(initial, defaultDate));
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const set = (field: Field, value: string) => setTexts((prev) => ({ ...prev, [field]: value }));
  const text = (value: string) => (value.trim() === '' ? null : value.trim());

  /** Reads the typed texts; null with the reasons set when one is not a number. */
  const read = (): SaleValues | null => {
    const problems: Partial<Record<Field, string>> = {};
    const amount = texts.amount.trim() === '' ? null : parseMoney(texts.amount);
    if (texts.amount.trim() === '') problems.amount = t('sales.form.amountRequired');
    else if (amount === null) problems.amount = t('sales.form.notAmount');
    const margin = texts.margin.trim() === '' ? null : parseMoney(texts.margin);
    if (texts.margin.trim() !== '' && margin === null) problems.margin = t('sales.form.notAmount');
    const quantity = texts.quantity.trim() === '' ? null : parseNumber(texts.quantity);
    if (texts.quantity.trim() !== '' && quantity === null) {
      problems.quantity = t('sales.form.notNumber');
    }
    setLocal(problems);
    if (amount === null || Object.keys(problems).length > 0) return null;
    return {
      date: texts.date,
      amount,
      margin,
      category: text(texts.category),
      product: text(texts.product),
      quantity,
      docNo: text(texts.docNo),
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setError(null);
    const values = read();
    if (!values) return;
    setSaving(true);
    try {
      await onSubmit(values);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  const messageOfField = (field: Field): string | undefined =>
    local[field] ??
    (error instanceof ApiError ? error.messageFor(`${pathPrefix}${field}`) : undefined);
  const general =
    error && !FIELDS.some((f) => messageOfField(f) !== undefined) ? messageOf(error) : undefined;

  const input = (
    field: Field,
    label: string,
    extra: {
      type?: string;
      inputMode?: 'decimal';
      maxLength?: number;
      wide?: boolean;
      placeholder?: string;
    } = {},
  ) => {
    const message = messageOfField(field);
    return (
      <label className={`sale-form__field${extra.wide ? ' sale-form__field--wide' : ''}`}>
        <span>{label}</span>
        {extra.type === 'date' ? (
          <DateInput
            name={field}
            value={texts[field]}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-${field}` : undefined}
            onChange={(value) => set(field, value)}
          />
        ) : (
          <input
            name={field}
            type={extra.type ?? 'text'}
            inputMode={extra.inputMode}
            maxLength={extra.maxLength}
            placeholder={extra.placeholder}
            value={texts[field]}
            autoFocus={field === 'amount'}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-${field}` : undefined}
            onChange={(e) => set(field, e.target.value)}
          />
        )}
        {message ? (
          <span className="field-error" id={`${id}-${field}`} role="alert">
            {message}
          </span>
        ) : null}
      </label>
    );
  };

  const title = initial ? t('sales.form.editTitle') : t('sales.form.newTitle');

  return (
    <form
      className="sale-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="sale-form__line">
        {input('date', t('sales.form.date'), { type: 'date' })}
        {input('amount', t('sales.form.amount'), { inputMode: 'decimal', maxLength: 30 })}
        {input('margin', t('sales.form.margin'), {
          inputMode: 'decimal',
          maxLength: 30,
          placeholder: t('sales.form.optional'),
        })}
        {input('quantity', t('sales.form.quantity'), { inputMode: 'decimal', maxLength: 20 })}
      </div>
      <div className="sale-form__line">
        {input('category', t('sales.form.category'), { maxLength: 100 })}
        {input('product', t('sales.form.product'), { maxLength: 200, wide: true })}
        {input('docNo', t('sales.form.docNo'), { maxLength: 100 })}
      </div>
      {general ? (
        <p className="field-error" role="alert">
          {general}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={saving}>
          {initial ? t('sales.form.save') : t('sales.form.add')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('sales.form.cancel')}
        </button>
      </div>
    </form>
  );
}
