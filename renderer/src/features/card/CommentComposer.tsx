/**
 * The input at the top of the feed: what happened, of which kind, with an optional touch tag.
 * Ctrl+Enter (or the button) adds it; the kind stays chosen for the next one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentKind, TouchKind } from '../../../../electron/api/contract';
import { COMMENT_KINDS, TOUCH_KINDS } from '../../../../electron/api/contract/enums';
import { api, ApiError } from '../../api/client';
import { messageOf } from './useCardData';

export function CommentComposer({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<CommentKind>('note');
  const [touch, setTouch] = useState<TouchKind | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const add = async () => {
    if (saving || body.trim() === '') return;
    setSaving(true);
    try {
      await api.call('comments.add', { clientId, kind, body, touch: touch || null });
      setBody('');
      setTouch('');
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? (e.messageFor('body') ?? e.message) : messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="composer"
      aria-label={t('cardx.composer.label')}
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <textarea
        name="comment"
        rows={2}
        value={body}
        placeholder={t('cardx.composer.placeholder')}
        aria-label={t('cardx.composer.label')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'composer-error' : undefined}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void add();
          }
        }}
      />
      <div className="composer__bar">
        <select
          name="kind"
          aria-label={t('cardx.composer.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as CommentKind)}
        >
          {COMMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cardx.kinds.${k}`)}
            </option>
          ))}
        </select>
        <select
          name="touch"
          aria-label={t('cardx.composer.touch')}
          value={touch}
          onChange={(e) => setTouch(e.target.value as TouchKind | '')}
        >
          <option value="">{t('cardx.composer.noTouch')}</option>
          {TOUCH_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cardx.touches.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={saving || body.trim() === ''}>
          {t('cardx.composer.add')}
        </button>
      </div>
      {error ? (
        <div className="field-error" id="composer-error" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
}
