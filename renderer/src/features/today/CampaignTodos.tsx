/**
 * Today's block of campaigns with contacts still to do ("Звонки: 23 из 115"), each a link to the
 * campaign's one-by-one sending. Hidden when no campaign waits for anyone.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { channelQuery } from '../../api/channel-query';
import { Section } from './Section';

export function CampaignTodos() {
  const { t } = useTranslation();
  const todos = useQuery(channelQuery('campaigns.todo', {}));
  const list = todos.data ?? [];
  if (list.length === 0) return null;
  return (
    <Section id="campaigns" title={t('camp.todo.title')} count={list.length}>
      <ul className="today-list">
        {list.map((c) => (
          <li key={c.id} className="today-row" data-testid="today-campaign">
            <Link to={`/campaigns/${c.id}?send=1`}>{c.name}</Link>
            <span className="muted" data-testid="today-campaign-count">
              {t('camp.todo.line', {
                action: t(`camp.todo.actions.${c.action}`),
                pending: c.pending,
                total: c.total,
              })}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
