/**
 * The custom ("portrait") fields the owner defines: grouped as on the card, in their order;
 * retired ones stay listed, greyed, with a way back.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../../electron/api/contract/fields';
import { api } from '../../api/client';
import { messageElsewhere } from './api-errors';
import { EditFieldForm, hasOptions, NewFieldForm } from './FieldForm';
import { useAllFields } from './useAdminData';

interface Group {
  name: string | null;
  fields: FieldDef[];
}

/** Groups in the order their first field appears; fields by position within each. */
export function groupFields(fields: FieldDef[]): Group[] {
  const groups: Group[] = [];
  for (const field of [...fields].sort((a, b) => a.position - b.position)) {
    const group = groups.find((g) => g.name === field.group);
    if (group) group.fields.push(field);
    else groups.push({ name: field.group, fields: [field] });
  }
  return groups;
}

export function FieldsSection() {
  const { t } = useTranslation();
  const query = useAllFields();
  const fields = query.data ?? [];
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  const retire = useMutation({
    mutationFn: ({ key, retired }: { key: string; retired: boolean }) =>
      api.call(retired ? 'fields.retire' : 'fields.unretire', { key }),
  });
  const reorder = useMutation({
    mutationFn: (keys: string[]) => api.call('fields.reorder', { keys }),
  });
  const list = useRef<HTMLDivElement>(null);
  const moved = useRef<{ key: string; by: -1 | 1 } | null>(null);

  // A moved row is re-inserted in the DOM, which drops focus: put it back on its arrow (or the
  // other arrow once it reached the end), so ↑ can be pressed again and again.
  useEffect(() => {
    const last = moved.current;
    if (!last || !list.current) return;
    moved.current = null;
    const row = list.current.querySelector(`[data-key="${last.key}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${last.by}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-move="${-last.by}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [query.data]);

  const groups = groupFields(fields);
  const groupNames = groups.flatMap((g) => (g.name ? [g.name] : []));

  /** Swaps a field with its neighbour in the same group and sends the whole order. */
  const move = (group: Group, index: number, by: -1 | 1) => {
    const field = group.fields[index];
    const other = group.fields[index + by];
    if (!field || !other || reorder.isPending) return;
    const keys = [...fields].sort((a, b) => a.position - b.position).map((f) => f.key);
    const [i, j] = [keys.indexOf(field.key), keys.indexOf(other.key)];
    [keys[i], keys[j]] = [other.key, field.key];
    moved.current = { key: field.key, by };
    reorder.mutate(keys);
  };

  const problem = messageElsewhere(retire.error ?? reorder.error, []);

  return (
    <section className="admin-panel" aria-labelledby="admin-fields-title">
      <header className="admin-panel__header">
        <h2 id="admin-fields-title">{t('admin.fields.title')}</h2>
        <span className="muted admin-panel__lead">{t('admin.fields.lead')}</span>
      </header>
      {query.isSuccess && fields.length === 0 && !adding ? (
        <p className="muted admin-empty">{t('admin.fields.empty')}</p>
      ) : null}
      <div ref={list} className="admin-groups">
        {groups.map((group) => (
          <div
            key={group.name ?? ''}
            className="admin-group"
            role="group"
            aria-label={group.name ?? t('admin.fields.noGroup')}
          >
            <h3>{group.name ?? t('admin.fields.noGroup')}</h3>
            <ul className="admin-list">
              {group.fields.map((field, index) => (
                <li
                  key={field.key}
                  className={`admin-row field-row${field.retiredAt ? ' is-retired' : ''}`}
                  data-key={field.key}
                >
                  <span className="field-row__label">
                    {field.label}
                    {field.retiredAt ? (
                      <span className="admin-tag">{t('admin.fields.retired')}</span>
                    ) : null}
                  </span>
                  <code className="field-row__key">{field.key}</code>
                  <span className="field-row__type">
                    {t(`admin.types.${field.type}`)}
                    {hasOptions(field.type) && field.options.length > 0 ? (
                      <span className="muted" title={field.options.join('\n')}>
                        {' · '}
                        {field.options.join(', ')}
                      </span>
                    ) : null}
                  </span>
                  <span className="admin-row__actions">
                    <button
                      type="button"
                      className="icon"
                      data-move="-1"
                      aria-label={t('admin.fields.moveUp', { label: field.label })}
                      title={t('admin.fields.moveUpShort')}
                      disabled={index === 0}
                      onClick={() => move(group, index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon"
                      data-move="1"
                      aria-label={t('admin.fields.moveDown', { label: field.label })}
                      title={t('admin.fields.moveDownShort')}
                      disabled={index === group.fields.length - 1}
                      onClick={() => move(group, index, 1)}
                    >
                      ↓
                    </button>
                    {field.retiredAt ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => retire.mutate({ key: field.key, retired: false })}
                      >
                        {t('admin.fields.restore')}
                      </button>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="link"
                          aria-expanded={editing === field.key}
                          onClick={() => setEditing(editing === field.key ? null : field.key)}
                        >
                          {t('admin.edit')}
                        </button>
                        <button
                          type="button"
                          className="link"
                          title={t('admin.fields.retireHint')}
                          onClick={() => retire.mutate({ key: field.key, retired: true })}
                        >
                          {t('admin.fields.retire')}
                        </button>
                      </>
                    )}
                  </span>
                  {editing === field.key ? (
                    <EditFieldForm
                      field={field}
                      groups={groupNames}
                      onDone={() => setEditing(null)}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {adding ? (
        <NewFieldForm
          fields={fields}
          groups={groupNames}
          onDone={(created) => {
            setAdding(false);
            setStatus(created ? t('admin.fields.created', { label: created.label }) : '');
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : (
        <div className="row">
          <button
            ref={addButton}
            type="button"
            onClick={() => {
              setStatus('');
              setAdding(true);
            }}
          >
            {t('admin.fields.add')}
          </button>
          <span className="muted" role="status">
            {status}
          </span>
        </div>
      )}
    </section>
  );
}
