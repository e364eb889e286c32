/**
 * Step 1: clients or sales, and the file: dropped, chosen in the browser (uploaded), or picked
 * with the desktop app's dialog. Why a file cannot be read is said right under the picker.
 */
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportTarget } from '../../../../electron/api/contract';
import type { Wizard } from './useImportWizard';

const ACCEPT = '.csv,.txt,.tsv,.xlsx';
const TARGETS: ImportTarget[] = ['clients', 'sales'];

export function FileStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const busy = wizard.opening;
  const error = wizard.openError;

  const openFile = (file: File | undefined) => {
    if (!file) return;
    setNote(null);
    wizard.openFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    if (wizard.desktop) setNote(t('imp.file.dropDesktop'));
    else openFile(event.dataTransfer.files[0]);
  };
  const choose = () => {
    if (wizard.desktop) wizard.pickFile();
    else input.current?.click();
  };

  return (
    <div className="imp-step imp-file">
      <fieldset className="imp-choice">
        <legend>{t('imp.file.what')}</legend>
        {TARGETS.map((target) => (
          <label key={target} className="imp-choice__option">
            <input
              type="radio"
              name="target"
              value={target}
              checked={wizard.target === target}
              disabled={busy}
              onChange={() => wizard.setTarget(target)}
            />
            <span>
              <strong>{t(`imp.file.${target}`)}</strong>
              <span className="muted"> — {t(`imp.file.${target}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div
        className={`imp-drop${dragging ? ' imp-drop--over' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="imp-drop__title">{t('imp.file.drop')}</span>
        <span className="muted">{t('imp.file.or')}</span>
        <button
          type="button"
          className="primary"
          disabled={busy}
          aria-describedby="imp-file-message"
          onClick={choose}
        >
          {t('imp.file.choose')}
        </button>
        <input
          ref={input}
          type="file"
          className="imp-hidden"
          accept={ACCEPT}
          aria-label={t('imp.file.input')}
          tabIndex={-1}
          onChange={(e) => {
            openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <span className="muted imp-drop__formats">{t('imp.file.formats')}</span>
      </div>
      <div id="imp-file-message" className="imp-file__message">
        {busy && wizard.reading ? (
          <span className="muted" role="status">
            {t('imp.file.reading', { name: wizard.reading })}
          </span>
        ) : error ? (
          <span className="field-error" role="alert" data-testid="import-file-error">
            {error.message}
          </span>
        ) : note ? (
          <span className="field-error" role="alert">
            {note}
          </span>
        ) : null}
      </div>

      {wizard.loaded && !busy ? (
        <div className="imp-actions">
          <span className="muted">
            {t('imp.file.current', { name: wizard.loaded.source.name })}
          </span>
          <button type="button" className="primary" onClick={wizard.next}>
            {t('imp.file.next')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
