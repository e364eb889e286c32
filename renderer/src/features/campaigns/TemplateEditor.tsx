/**
 * A campaign's message template: the text, buttons that put a client's field in at the cursor,
 * and a live preview for the first clients of the audience. A template that cannot be filled
 * (an unknown placeholder, a stray brace) is explained beside the text as it is typed.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../electron/api/contract';
import { ApiError } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { useDebounced } from '../../lib/useDebounced';

const FIELDS = [
  'firstName',
  'patronymic',
  'lastName',
  'lastPurchase',
  'manager',
  'company',
] as const;

/** Whose messages the preview shows: an audience not yet started, or a campaign's to-do. */
export type PreviewTarget = Omit<InputOf<'campaigns.preview'>, 'template' | 'limit'>;

interface Props {
  value: string;
  onChange: (value: string) => void;
  target: PreviewTarget;
  /** The start's own refusal of the template, if it came back. */
  error?: string | undefined;
}

export function TemplateEditor({ value, onChange, target, error }: Props) {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();
  const previewId = useId();
  const fields = useQuery(channelQuery('fields.list', {}));
  const template = useDebounced(value, 250);
  const preview = useQuery({
    ...channelQuery('campaigns.preview', { ...target, template, limit: 3 }),
    enabled: template.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
  });
  const problem = error ?? templateProblem(preview.error);

  /** Puts `{name}` in at the cursor (over a selection) and leaves the cursor after it. */
  const insert = (name: string) => {
    const el = area.current;
    const token = `{${name}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const custom = (fields.data ?? []).filter((f) => f.retiredAt === null);
  return (
    <div className="template-editor">
      <label>
        {t('camp.new.template')}
        <textarea
          ref={area}
          name="template"
          rows={4}
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {problem ? (
        <p id={errorId} className="field-error" role="alert" data-testid="template-error">
          {problem}
        </p>
      ) : null}
      <div
        className="template-editor__fields"
        role="group"
        aria-label={t('camp.template.placeholders')}
      >
        <span className="muted">{t('camp.template.placeholders')}:</span>
        {FIELDS.map((f) => (
          <button key={f} type="button" onClick={() => insert(t(`camp.template.fields.${f}`))}>
            {`{${t(`camp.template.fields.${f}`)}}`}
          </button>
        ))}
        {custom.map((f) => (
          <button key={f.key} type="button" onClick={() => insert(f.label)}>
            {`{${f.label}}`}
          </button>
        ))}
      </div>
      <section
        className="template-preview"
        aria-labelledby={previewId}
        data-testid="template-preview"
      >
        <h2 id={previewId}>{t('camp.template.preview')}</h2>
        {!template.trim() || !preview.data ? (
          <p className="muted">{t('camp.template.previewEmpty')}</p>
        ) : (
          <ul>
            {preview.data.map((m) => (
              <li key={m.clientId} data-testid="preview-message">
                <strong>{m.name}</strong>
                <p className="template-preview__text">{m.text}</p>
                {m.empty.length > 0 ? (
                  <p className="muted">
                    {t('camp.template.noValue', { names: m.empty.map((n) => `{${n}}`).join(', ') })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The words for the template itself when the refusal concerns it, else the whole message. */
export function templateProblem(error: Error | null): string | undefined {
  if (!error) return undefined;
  return error instanceof ApiError
    ? (error.messageFor('template') ?? error.message)
    : error.message;
}
