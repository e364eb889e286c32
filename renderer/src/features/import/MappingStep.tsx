/**
 * Step 3: each column of the file with the field it fills (suggested from its header; greyed
 * when skipped), the order of day and month where dates read both ways, what a bad value in it
 * does, and the policies for duplicates and bad rows. "Check" asks what the import would do.
 */
import { useTranslation } from 'react-i18next';
import type { ImportFieldInfo } from '../../../../electron/api/contract';
import { ImportProgress } from './ImportProgress';
import { MappingRow } from './MappingRow';
import { Policies } from './Policies';
import { sampleValue, twoWayExample } from './describe';
import { columnPolicies } from './column-policies';
import type { Mapping, Wizard } from './useImportWizard';

/** Sets a column's field; a field taken by another column moves here (one column per field). */
function assign(mapping: Mapping, header: string, key: string | null): Mapping {
  const next: Mapping = {};
  for (const [h, k] of Object.entries(mapping)) next[h] = key && k === key ? null : k;
  next[header] = key;
  return next;
}

/** Required fields, each with whether a column fills it (for `oneOf`, any one of them will do). */
function FieldStatus(props: { fields: ImportFieldInfo[]; chosen: Set<string>; oneOf?: boolean }) {
  const { t } = useTranslation();
  const { fields, chosen } = props;
  const status = (ok: boolean) => (
    <span className={ok ? 'imp-req imp-req--ok' : 'imp-req'}>
      {' '}
      <span className="muted">({ok ? t('imp.mapping.chosen') : t('imp.mapping.missing')})</span>
    </span>
  );
  if (props.oneOf) {
    // Any one will do: the chosen ones are marked, "not chosen" only when none is.
    const any = fields.some((f) => chosen.has(f.key));
    return (
      <>
        {fields.map((f, i) => (
          <span key={f.key}>
            {i > 0 ? ', ' : ' '}
            {f.label}
            {chosen.has(f.key) ? status(true) : null}
          </span>
        ))}
        {any ? null : status(false)}
      </>
    );
  }
  return (
    <>
      {fields.map((f, i) => (
        <span key={f.key}>
          {i > 0 ? ', ' : ' '}
          {f.label}
          {status(chosen.has(f.key))}
        </span>
      ))}
    </>
  );
}

export function MappingStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const loaded = wizard.loaded;
  if (!loaded) return null;
  const p = loaded.preview;
  const error = wizard.checkError;
  const chosen = new Set(Object.values(wizard.mapping).filter((k): k is string => Boolean(k)));
  const askOrder = (h: string) =>
    ((p.dateColumns[h] === 'ambiguous' || wizard.dateOrders[h] !== undefined) &&
      Boolean(wizard.mapping[h])) ||
    error?.field === `dateOrders.${h}`;
  const orderColumn = p.headers.some(askOrder);
  const rowError = (h: string) => {
    if (error?.field === `mapping.${h}`) return error.message;
    return undefined;
  };
  const concernsRow = p.headers.some(
    (h) => error?.field === `mapping.${h}` || error?.field === `dateOrders.${h}`,
  );
  const required = p.fields.filter((f) => f.required);
  const clientKeys = p.fields.filter((f) => f.clientKey);
  const checking = wizard.checking;
  const policyColumn = wizard.onInvalid === 'blank';
  const policies = columnPolicies(p.fields, wizard.mapping, wizard.cellPolicies);
  const policyOf = (h: string) => {
    const field = p.fields.find((f) => f.key === wizard.mapping[h]);
    if (!field) return null;
    return field.badCell === 'fixed' ? 'fixed' : (policies[h] ?? field.badCell);
  };

  return (
    <div className="imp-step">
      <p className="muted imp-hint">{t('imp.mapping.hint')}</p>
      <p className="imp-required" data-testid="import-required">
        <strong>{t('imp.mapping.required')}</strong>
        <FieldStatus fields={required} chosen={chosen} />
        {clientKeys.length ? (
          <>
            {'. '}
            <strong>{t('imp.mapping.clientKey')}</strong>
            <FieldStatus fields={clientKeys} chosen={chosen} oneOf />
          </>
        ) : null}
      </p>
      <div className="imp-table-wrap">
        <table className="imp-table imp-map" aria-label={t('imp.mapping.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('imp.mapping.column')}</th>
              <th scope="col">{t('imp.mapping.sample')}</th>
              <th scope="col">{t('imp.mapping.field')}</th>
              {orderColumn ? <th scope="col">{t('imp.mapping.dates')}</th> : null}
              {policyColumn ? <th scope="col">{t('imp.mapping.badCell')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.headers.map((h, i) => (
              <MappingRow
                key={h}
                index={i}
                header={h}
                sample={sampleValue(p, h)}
                fields={p.fields}
                field={wizard.mapping[h] ?? null}
                onField={(key) => wizard.setMapping(assign(wizard.mapping, h, key))}
                askOrder={askOrder(h)}
                showOrderColumn={orderColumn}
                order={wizard.dateOrders[h]}
                orderExample={twoWayExample(p, h)}
                onOrder={(order) => wizard.setDateOrders({ ...wizard.dateOrders, [h]: order })}
                fieldError={rowError(h)}
                orderError={error?.field === `dateOrders.${h}` ? error.message : undefined}
                showPolicyColumn={policyColumn}
                policy={policyOf(h)}
                onPolicy={(policy) => wizard.setCellPolicy(h, policy)}
              />
            ))}
          </tbody>
        </table>
      </div>

      <Policies wizard={wizard} target={loaded.target} />

      {error && !concernsRow ? (
        <p className="field-error imp-error" role="alert" data-testid="import-mapping-error">
          {error.message}
        </p>
      ) : null}
      {checking ? <ImportProgress cancelling={wizard.cancelling} onCancel={wizard.cancel} /> : null}
      <div className="imp-actions">
        <button type="button" disabled={checking} onClick={() => wizard.goTo('preview')}>
          {t('imp.mapping.back')}
        </button>
        <button type="button" className="primary" disabled={checking} onClick={wizard.runCheck}>
          {t('imp.mapping.check')}
        </button>
      </div>
    </div>
  );
}
