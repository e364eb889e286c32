/**
 * What each row of a client file is to become, given the groups of rows that match each other
 * and the user's choice for each group. A row alone follows `onDuplicate` against the workbook;
 * in a group, only one row may go to a client the workbook has, and only the choice `merge`
 * builds one card from several rows.
 */
import type { ImportGroupChoice } from '../../api/contract';
import type { Grouping, Groupable, RowGroup } from './group-rows';
import type { ImportOptions } from './plan-common';

export type Intent =
  /** Alone against the workbook: update, skip or create as `onDuplicate` says. */
  | { kind: 'alone' }
  /** A client of its own, whatever the row matches in the workbook. */
  | { kind: 'create' }
  | { kind: 'skip'; byChoice: boolean }
  /** The card of a merge: these positions (itself first) make one client. */
  | { kind: 'card'; members: number[] }
  /** Merged into the card of its group. */
  | { kind: 'merged' };

export function groupId(rows: Groupable[], group: RowGroup): string {
  return String(rows[group.members[0]!]!.row);
}

/** The choice for a group: its own, else the one for all groups, else `each`. */
export function choiceFor(
  options: ImportOptions,
  id: string,
): { choice: ImportGroupChoice; chosen: boolean } {
  const chosen = options.groupChoices?.[id] ?? options.groupChoice;
  return { choice: chosen ?? 'each', chosen: chosen !== undefined };
}

export function decide(rows: Groupable[], grouping: Grouping, options: ImportOptions): Intent[] {
  const intents: Intent[] = rows.map(() => ({ kind: 'alone' }));
  for (const group of grouping.groups) {
    const { choice } = choiceFor(options, groupId(rows, group));
    const members = group.members;
    const skip = { kind: 'skip', byChoice: true } as const;
    switch (choice) {
      case 'skip':
        for (const i of members) intents[i] = skip;
        break;
      case 'first':
      case 'last': {
        const kept = choice === 'first' ? members[0]! : members.at(-1)!;
        for (const i of members) intents[i] = i === kept ? { kind: 'alone' } : skip;
        break;
      }
      case 'each': {
        // Each row its own client; a client of the workbook goes to the first row matching it.
        const claimed = new Set<string>();
        for (const i of members) {
          const client = rows[i]!.existing?.match.id;
          if (client && !claimed.has(client)) {
            claimed.add(client);
            intents[i] = { kind: 'alone' };
          } else {
            intents[i] = { kind: 'create' };
          }
        }
        break;
      }
      case 'merge':
        intents[members[0]!] = { kind: 'card', members };
        for (const i of members.slice(1)) intents[i] = { kind: 'merged' };
        break;
    }
  }
  return intents;
}
