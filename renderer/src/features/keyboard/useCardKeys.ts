/**
 * The card's keys: J and K open the next and previous client of the list the card was opened
 * from, C goes to the comment box, R opens a new reminder. Not while typing or in a dialog.
 */
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { isLetter, plainKey } from './keys';
import { positionOf, rememberPosition } from './list-position';

interface Actions {
  comment: () => void;
  reminder: () => void;
}

export function useCardKeys(id: string, actions: Actions): void {
  const navigate = useNavigate();
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const step = async (by: 1 | -1) => {
      const position = positionOf(id);
      if (!position) return;
      const index = position.index + by;
      if (index < 0) return;
      const page = await api.call('clients.list', { ...position.query, offset: index, limit: 1 });
      const row = page.rows[0];
      if (!row) return;
      rememberPosition({ query: position.query, index, id: row.id });
      await navigate(`/clients/${row.id}`);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!plainKey(event)) return;
      const action = isLetter(event, 'j')
        ? () => void step(1)
        : isLetter(event, 'k')
          ? () => void step(-1)
          : isLetter(event, 'c')
            ? latest.current.comment
            : isLetter(event, 'r')
              ? latest.current.reminder
              : null;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, navigate]);
}
