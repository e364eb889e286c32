/** What to do with duplicates and with rows that have errors: one line of explanation each. */
import { useTranslation } from 'react-i18next';
import type { ImportTarget } from '../../../../electron/api/contract';
import type { OnDuplicate, OnInvalid, Wizard } from './useImportWizard';

const DUPLICATES: OnDuplicate[] = ['update', 'skip', 'create'];
const INVALID: { value: OnInvalid; key: 'invalidBlank' | 'invalidSkip' | 'invalidAbort' }[] = [
  { value: 'blank', key: 'invalidBlank' },
  { value: 'skip', key: 'invalidSkip' },
  { value: 'abort', key: 'invalidAbort' },
];

export function Policies({ wizard, target }: { wizard: Wizard; target: ImportTarget }) {
  const { t } = useTranslation();
  return (
    <div className="imp-policies">
      <fieldset className="imp-choice">
        <legend>{t(`imp.mapping.duplicates.${target}`)}</legend>
        {DUPLICATES.map((value) => (
          <label key={value} className="imp-choice__option">
            <input
              type="radio"
              name="onDuplicate"
              value={value}
              checked={wizard.onDuplicate === value}
              onChange={() => wizard.setOnDuplicate(value)}
            />
            <span>
              {t(`imp.mapping.dup.${target}.${value}`)}
              <span className="muted"> — {t(`imp.mapping.dup.${target}.${value}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="imp-choice">
        <legend>{t('imp.mapping.invalid')}</legend>
        {INVALID.map(({ value, key }) => (
          <label key={value} className="imp-choice__option">
            <input
              type="radio"
              name="onInvalid"
              value={value}
              checked={wizard.onInvalid === value}
              onChange={() => wizard.setOnInvalid(value)}
            />
            <span>
              {t(`imp.mapping.${key}`)}
              <span className="muted"> — {t(`imp.mapping.${key}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
