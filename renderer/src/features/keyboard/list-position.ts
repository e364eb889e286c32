/**
 * Where the open card stands in the list it was opened from: the list's query and the row's
 * index, so "next" and "previous" on the card walk the same list the user saw.
 */
import type { ListQuery } from '../../../../electron/api/contract';

interface Position {
  query: ListQuery;
  index: number;
  id: string;
}

let position: Position | null = null;

export function rememberPosition(next: Position): void {
  position = next;
}

/** The position of this card, or none when the card was not opened from the list. */
export function positionOf(id: string): Position | null {
  return position?.id === id ? position : null;
}
