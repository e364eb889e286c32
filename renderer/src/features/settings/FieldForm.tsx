/** The forms that define a new custom field and edit an existing one (its type stays fixed). */
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../../electron/api/contract';
import { FIELD_TYPES, type FieldType } from '../../../../electron/api/contract/enums';
import { api } from '../../api/client';
import { messageAt, messageElsewhere } from './api-errors';
import { escapeTo, FormButtons, GroupInput, Input, OptionsInput } from './FormParts';
import { FIELD_KEY_MAX, FIELD_KEY_PATTERN, keyFromLabel } from './field-key';

const PATHS = ['label', 'key', 'type', 'options', 'group'] as const;

export const hasOptions = (type: FieldType) => type === 'choice' || type === 'multichoice';

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

interface NewProps {
  fields: FieldDef[];
  groups: string[];
  onDone: (created: FieldDef | null) => void;
}

export function NewFieldForm({ fields, groups, onDone }: NewProps) {
  const { t } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [type, setType] = useState<FieldType>('text');
  const [options, setOptions] = useState('');
  const [group, setGroup] = useState('');
  const [keyProblem, setKeyProblem] = useState<string | null>(null);
  const define = useMutation({
    mutationFn: () =>
      api.call('fields.define', {
        key,
        label,
        type,
        ...(hasOptions(type) ? { options: linesOf(options) } : {}),
        group: group.trim() || null,
      }),
    onSuccess: (created) => {
      onDone(created);
    },
  });

  const checkKey = (): string | null => {
    if (!key) return t('admin.fields.keyRequired');
    if (!FIELD_KEY_PATTERN.test(key)) return t('admin.fields.keyPattern');
    const taken = fields.find((f) => f.key === key);
    return taken ? t('admin.fields.keyTaken', { label: taken.label }) : null;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkKey();
    setKeyProblem(problem);
    if (!problem) define.mutate();
  };
  const error = define.error;
  const keyMessage = keyProblem ?? messageAt(error, 'key');

  return (
    <form
      className="admin-form"
      onSubmit={submit}
      onKeyDown={escapeTo(() => onDone(null))}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{t('admin.fields.newTitle')}</h3>
      <div className="admin-form__grid">
        <Input
          id={`${id}-label`}
          name="label"
          label={t('admin.fields.label')}
          value={label}
          autoFocus
          placeholder={t('admin.fields.labelPlaceholder')}
          message={messageAt(error, 'label')}
          onChange={(next) => {
            setLabel(next);
            if (!keyEdited) setKey(keyFromLabel(next));
          }}
        />
        <Input
          id={`${id}-key`}
          name="key"
          label={t('admin.fields.key')}
          value={key}
          hint={t('admin.fields.keyHint')}
          message={keyMessage}
          maxLength={FIELD_KEY_MAX}
          mono
          onChange={(next) => {
            setKey(next);
            setKeyEdited(next !== '');
            setKeyProblem(null);
          }}
        />
        <div className="form-field">
          <label htmlFor={`${id}-type`}>{t('admin.fields.type')}</label>
          <select
            id={`${id}-type`}
            name="type"
            value={type}
            onChange={(e) => setType(e.target.value as FieldType)}
          >
            {FIELD_TYPES.map((ft) => (
              <option key={ft} value={ft}>
                {t(`admin.types.${ft}`)}
              </option>
            ))}
          </select>
          <span className="muted admin-hint">{t('admin.fields.typeFixedHint')}</span>
        </div>
        <GroupInput id={`${id}-group`} value={group} groups={groups} onChange={setGroup} />
        {hasOptions(type) ? (
          <OptionsInput
            id={`${id}-options`}
            value={options}
            onChange={setOptions}
            message={messageAt(error, 'options')}
          />
        ) : null}
      </div>
      <FormButtons
        saveLabel={t('admin.fields.create')}
        pending={define.isPending}
        message={messageElsewhere(error, PATHS)}
        onCancel={() => onDone(null)}
      />
    </form>
  );
}

interface EditProps {
  field: FieldDef;
  groups: string[];
  onDone: () => void;
}

export function EditFieldForm({ field, groups, onDone }: EditProps) {
  const { t } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState(field.label);
  const [options, setOptions] = useState(field.options.join('\n'));
  const [group, setGroup] = useState(field.group ?? '');
  const update = useMutation({
    mutationFn: () =>
      api.call('fields.update', {
        key: field.key,
        label,
        ...(hasOptions(field.type) ? { options: linesOf(options) } : {}),
        group: group.trim() || null,
      }),
    onSuccess: () => {
      onDone();
    },
  });
  const error = update.error;

  return (
    <form
      className="admin-form admin-form--nested"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate();
      }}
      onKeyDown={escapeTo(onDone)}
      noValidate
      aria-label={t('admin.fields.editTitle', { label: field.label })}
    >
      <div className="admin-form__grid">
        <Input
          id={`${id}-label`}
          name="label"
          label={t('admin.fields.label')}
          value={label}
          autoFocus
          message={messageAt(error, 'label')}
          onChange={setLabel}
        />
        <GroupInput id={`${id}-group`} value={group} groups={groups} onChange={setGroup} />
        {hasOptions(field.type) ? (
          <OptionsInput
            id={`${id}-options`}
            value={options}
            onChange={setOptions}
            message={messageAt(error, 'options')}
          />
        ) : null}
      </div>
      <p className="muted admin-hint">
        {t('admin.fields.typeFixed', { type: t(`admin.types.${field.type}`) })}
      </p>
      <FormButtons
        saveLabel={t('admin.save')}
        pending={update.isPending}
        message={messageElsewhere(error, PATHS)}
        onCancel={onDone}
      />
    </form>
  );
}
