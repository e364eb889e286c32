/**
 * Step 2: what was read from the file (format, encoding, delimiter, rows, the Excel sheet) and
 * its first rows as a table, so the user sees the letters came out right before going on.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/money';
import { delimiterKey, encodingKey } from './describe';
import type { Wizard } from './useImportWizard';

export function PreviewStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const loaded = wizard.loaded;
  if (!loaded) return null;
  const p = loaded.preview;
  const encoding = encodingKey(p.encoding);
  const delimiter = delimiterKey(p.delimiter);
  const error = wizard.openError;

  return (
    <div className="imp-step">
      <dl className="imp-facts" aria-label={t('imp.preview.facts')} data-testid="import-facts">
        <div>
          <dt>{t('imp.preview.format')}</dt>
          <dd data-testid="import-format">{t(`imp.preview.formats.${p.format}`)}</dd>
        </div>
        {p.format === 'csv' ? (
          <>
            <div>
              <dt>{t('imp.preview.encoding')}</dt>
              <dd data-testid="import-encoding">{encoding ? t(encoding) : p.encoding}</dd>
            </div>
            <div>
              <dt>{t('imp.preview.delimiter')}</dt>
              <dd data-testid="import-delimiter">
                {delimiter ? t(delimiter) : p.delimiter}{' '}
                {p.delimiter && p.delimiter !== '\t' ? (
                  <code className="imp-code">{p.delimiter}</code>
                ) : null}
              </dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('imp.preview.rows')}</dt>
          <dd data-testid="import-rows">{formatNumber(p.totalRows)}</dd>
        </div>
        {p.sheets.length > 1 ? (
          <div>
            <dt>
              <label htmlFor="imp-sheet">{t('imp.preview.sheet')}</label>
            </dt>
            <dd>
              <select
                id="imp-sheet"
                value={p.sheet ?? ''}
                disabled={wizard.opening}
                aria-invalid={error?.field === 'sheet' ? true : undefined}
                onChange={(e) => wizard.chooseSheet(e.target.value)}
              >
                {p.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </dd>
          </div>
        ) : null}
      </dl>
      {error ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}

      <h2 className="imp-subtitle">{t('imp.preview.firstRows', { count: p.rows.length })}</h2>
      <div className="imp-table-wrap">
        <table
          className="imp-table"
          aria-label={t('imp.preview.firstRows', { count: p.rows.length })}
        >
          <thead>
            <tr>
              <th className="imp-num">{t('imp.preview.row')}</th>
              {p.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row, i) => (
              // Spreadsheet row numbers: the header is row 1.
              <tr key={i}>
                <td className="imp-num muted">{i + 2}</td>
                {p.headers.map((h, j) => (
                  <td key={h} title={row[j] ?? ''}>
                    {row[j] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="imp-actions">
        <button type="button" onClick={() => wizard.goTo('file')}>
          {t('imp.preview.back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={wizard.opening}
          onClick={() => wizard.goTo('mapping')}
        >
          {t('imp.preview.next')}
        </button>
      </div>
    </div>
  );
}
