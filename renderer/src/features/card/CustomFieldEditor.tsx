/**
 * One custom field on the portrait, with the editor its type calls for. Values travel as
 * `patch.custom.<key>`; an empty editor clears the value (null); the main process's reason
 * for refusing a value comes back under `patch.custom.<key>` and is shown under the field.
 */
import { useTranslation } from 'react-i18next';
import type { CustomValue, FieldDef } from '../../../../electron/api/contract';
import { formatDate } from '../../lib/format';
import { EditableField } from '../clients/EditableField';
import { moneyToInput, numberToInput, parseMoney, parseNumber } from '../../lib/money';
import { MultiChoiceField } from './MultiChoiceField';
import { showCustom } from './values';

interface Props {
  def: FieldDef;
  value: CustomValue | undefined;
  readOnly: boolean;
  onSave: (value: CustomValue) => Promise<void>;
}

/** The text an editor starts with for a stored value. */
function toText(def: FieldDef, value: CustomValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (def.type === 'money' && typeof value === 'number') return moneyToInput(value);
  if (def.type === 'number' && typeof value === 'number') return numberToInput(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function CustomFieldEditor({ def, value, readOnly, onSave }: Props) {
  const { t } = useTranslation();
  const field = `custom.${def.key}`;

  if (def.type === 'multichoice') {
    const list = Array.isArray(value) ? value : [];
    return (
      <MultiChoiceField
        field={field}
        label={def.label}
        options={def.options}
        value={list}
        readOnly={readOnly}
        onSave={(next) => onSave(next.length > 0 ? next : null)}
      />
    );
  }

  /** Turns the editor's text into the value to store; throws a message for bad input. */
  const fromText = (text: string): CustomValue => {
    const trimmed = text.trim();
    if (trimmed === '') return null;
    switch (def.type) {
      case 'money': {
        const minor = parseMoney(trimmed);
        if (minor === null) throw new Error(t('cardx.moneyInvalid'));
        return minor;
      }
      case 'number':
        // Not a number: let the main process explain, in the workbook's words.
        return parseNumber(trimmed) ?? trimmed;
      case 'boolean':
        return trimmed === 'true';
      default:
        return trimmed;
    }
  };

  const options =
    def.type === 'boolean'
      ? [
          { value: '', label: t('cardx.notSet') },
          { value: 'true', label: t('cardx.yes') },
          { value: 'false', label: t('cardx.no') },
        ]
      : def.type === 'choice'
        ? [
            { value: '', label: t('cardx.notSet') },
            ...def.options.map((o) => ({ value: o, label: o })),
            // A value from before the options changed still shows as itself.
            ...(typeof value === 'string' && value && !def.options.includes(value)
              ? [{ value, label: value }]
              : []),
          ]
        : undefined;

  return (
    <EditableField
      field={field}
      label={def.label}
      value={toText(def, value)}
      display={
        def.type === 'date' && typeof value === 'string'
          ? formatDate(value)
          : showCustom(def, value, t)
      }
      kind={options ? 'select' : def.type === 'date' ? 'date' : 'text'}
      {...(options ? { options } : {})}
      readOnly={readOnly}
      onSave={async (text) => onSave(fromText(text))}
    />
  );
}
