/** One comment in the feed: read, edit in place (Ctrl+Enter saves, Escape cancels), delete. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment, CommentKind, TouchKind } from '../../../../electron/api/contract';
import { COMMENT_KINDS, TOUCH_KINDS } from '../../../../electron/api/contract/enums';
import { api } from '../../api/client';
import { ConfirmDialog } from './ConfirmDialog';
import { messageOf } from './useCardData';
import { formatMoment } from './values';

interface Props {
  comment: Comment;
  readOnly: boolean;
}

export function CommentItem({ comment, readOnly }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(comment.body);
  const [kind, setKind] = useState<CommentKind>(comment.kind);
  const [touch, setTouch] = useState<TouchKind | ''>(comment.touch ?? '');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const startEdit = () => {
    setBody(comment.body);
    setKind(comment.kind);
    setTouch(comment.touch ?? '');
    setError(null);
    setEditing(true);
  };
  const save = async () => {
    try {
      await api.call('comments.update', { id: comment.id, body, kind, touch: touch || null });
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <li
      className={`feed__item feed__item--${comment.kind}`}
      data-kind={comment.kind}
      data-testid="comment"
    >
      <div className="feed__meta">
        <span className={`kind kind--${comment.kind}`}>{t(`cardx.kinds.${comment.kind}`)}</span>
        {comment.touch ? (
          <span className="badge badge--touch">{t(`cardx.touches.${comment.touch}`)}</span>
        ) : null}
        <span>
          {comment.author} · <time dateTime={comment.at}>{formatMoment(comment.at)}</time>
          {comment.updatedAt !== comment.createdAt ? ` · ${t('cardx.feed.edited')}` : ''}
        </span>
        {readOnly || editing ? null : (
          <span className="feed__actions">
            <button type="button" className="link" onClick={startEdit}>
              {t('cardx.feed.edit')}
            </button>
            <button type="button" className="link" onClick={() => setConfirming(true)}>
              {t('cardx.feed.delete')}
            </button>
          </span>
        )}
      </div>
      {editing ? (
        <div className="composer composer--edit">
          <textarea
            name="body"
            rows={3}
            value={body}
            aria-label={t('cardx.composer.label')}
            autoFocus
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setEditing(false);
              } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void save();
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
            <button type="button" className="primary" onClick={() => void save()}>
              {t('cardx.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('cardx.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <p className="feed__body">{comment.body}</p>
      )}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          message={t('cardx.feed.deleteConfirm')}
          onConfirm={async () => {
            await api.call('comments.delete', { id: comment.id });
          }}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </li>
  );
}
