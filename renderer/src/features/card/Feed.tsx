/**
 * The Feed tab: the comment input on top, then one timeline of comments and field changes,
 * newest first, filtered by chips. A field change reads "Phone: old → new · Petrov · 12 Nov
 * 14:03" with a Restore link.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_KINDS } from '../../../../electron/api/contract/enums';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';
import { RestoreButton } from './RestoreButton';
import {
  buildTimeline,
  matches,
  timelineKey,
  type FeedFilter,
  type TimelineItem,
} from './timeline';
import { useComments, useHistory, useLookups } from './useCardData';
import { Who } from './Who';
import { changeLabel, changeValue, formatMoment, type Lookups } from './values';

const FILTERS: FeedFilter[] = ['all', ...COMMENT_KINDS, 'changes'];

interface Props {
  clientId: string;
  /** No writing: a client in the trash. */
  readOnly: boolean;
}

export function Feed({ clientId, readOnly }: Props) {
  const { t } = useTranslation();
  const comments = useComments(clientId);
  const history = useHistory(clientId);
  const lookups = useLookups();
  const [filter, setFilter] = useState<FeedFilter>('all');

  const timeline = buildTimeline(comments.data ?? [], history.data ?? []);
  const shown = timeline.filter((item) => matches(item, filter));
  const loading = comments.isPending || history.isPending;
  const error = comments.error ?? history.error;

  return (
    <div className="feed">
      {readOnly ? null : <CommentComposer clientId={clientId} />}
      <div className="chips" role="group" aria-label={t('cardx.filter.label')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className={`chip${filter === f ? ' chip--on' : ''}`}
            aria-pressed={filter === f}
            data-filter={f}
            onClick={() => setFilter(f)}
          >
            {t(`cardx.filter.${f}`)}
          </button>
        ))}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error.message}
        </p>
      ) : null}
      {!loading && shown.length === 0 ? (
        <p className="muted feed__empty">
          {filter === 'all' ? t('cardx.feed.empty') : t('cardx.feed.emptyFilter')}
        </p>
      ) : null}
      <ol className="feed__list" data-testid="feed">
        {shown.map((item) => (
          <FeedRow key={timelineKey(item)} item={item} lookups={lookups} readOnly={readOnly} />
        ))}
      </ol>
    </div>
  );
}

interface RowProps {
  item: TimelineItem;
  lookups: Lookups;
  readOnly: boolean;
}

function FeedRow({ item, lookups, readOnly }: RowProps) {
  const { t } = useTranslation();
  if (item.type === 'comment') return <CommentItem comment={item.comment} readOnly={readOnly} />;
  const { entry } = item;
  const meta = (
    <span className="feed__who">
      {' · '}
      <Who entry={entry} /> · <time dateTime={entry.at}>{formatMoment(entry.at)}</time>
    </span>
  );
  if (item.type === 'event') {
    return (
      <li className="feed__item feed__item--event" data-event={item.event}>
        <span className="feed__event">{t(`cardx.feed.${item.event}`)}</span>
        {meta}
      </li>
    );
  }
  const oldText = changeValue(entry, entry.oldValue, lookups, t);
  return (
    <li className="feed__item feed__item--change history__change" data-field={entry.field}>
      <span className="history__field">{changeLabel(entry, lookups, t)}:</span>{' '}
      <span className="history__old">{oldText}</span> →{' '}
      <span className="history__new">{changeValue(entry, entry.newValue, lookups, t)}</span>
      {meta}
      {readOnly || entry.creation ? null : (
        <>
          {' '}
          <RestoreButton changeId={entry.id} oldText={oldText} />
        </>
      )}
    </li>
  );
}
