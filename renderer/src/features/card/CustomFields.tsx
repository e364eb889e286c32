/** The owner's own fields on the portrait: grouped as arranged in Settings, in their order. */
import { useTranslation } from 'react-i18next';
import type { CustomValue, FieldDef } from '../../../../electron/api/contract';
import { CustomFieldEditor } from './CustomFieldEditor';

interface Props {
  fields: FieldDef[];
  values: Record<string, CustomValue>;
  readOnly: boolean;
  onSave: (key: string, value: CustomValue) => Promise<void>;
}

/** Groups in the order their first field appears; fields without a group come first. */
function grouped(fields: FieldDef[]): { group: string | null; fields: FieldDef[] }[] {
  const groups: { group: string | null; fields: FieldDef[] }[] = [];
  const sorted = fields.filter((f) => f.retiredAt === null).sort((a, b) => a.position - b.position);
  for (const def of sorted) {
    const group = def.group?.trim() || null;
    const found = groups.find((g) => g.group === group);
    if (found) found.fields.push(def);
    else groups.push({ group, fields: [def] });
  }
  return groups.sort((a, b) => Number(a.group !== null) - Number(b.group !== null));
}

export function CustomFields({ fields, values, readOnly, onSave }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {grouped(fields).map(({ group, fields: defs }) => (
        <section key={group ?? ''} className="custom-group" data-group={group ?? ''}>
          <h3>{group ?? t('cardx.customFields')}</h3>
          {defs.map((def) => (
            <CustomFieldEditor
              key={def.key}
              def={def}
              value={values[def.key]}
              readOnly={readOnly}
              onSave={(value) => onSave(def.key, value)}
            />
          ))}
        </section>
      ))}
    </>
  );
}
