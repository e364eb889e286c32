/** The reminders of the demo workbook's Today, on the clients who bought most recently. */
import { addDays, localDay } from '../../kernel/local-date';
import type { WriteContext } from '../queries/history';
import { addReminder } from '../queries/reminders';

/** Reminders the demo's Today shows: days from today, the time, what to do. */
const REMINDERS: readonly [number, string | null, string][] = [
  [-2, null, 'Перезвонить по счёту'],
  [-1, '16:00', 'Уточнить размеры для заказа'],
  [0, '10:30', 'Позвонить: предложить новую коллекцию'],
  [0, '14:00', 'Встреча в салоне: показать образцы'],
  [0, null, 'Отправить коммерческое предложение'],
  [1, '11:00', 'Напомнить о бонусах постоянного клиента'],
  [3, null, 'Поздравить с годовщиной сотрудничества'],
];

/** Adds the reminders of the demo's Today to its clients who bought most recently. */
export function addDemoReminders(ctx: WriteContext): number {
  const ids = ctx.wb.sqlite
    .prepare(
      `SELECT c.id FROM clients c JOIN sales s ON s.client_id = c.id
       WHERE c.deleted_at IS NULL AND s.deleted_at IS NULL
       GROUP BY c.id ORDER BY max(s.date) DESC, c.id LIMIT ?`,
    )
    .pluck()
    .all(REMINDERS.length) as string[];
  const today = localDay(ctx.now());
  ids.forEach((clientId, i) => {
    const [days, time, title] = REMINDERS[i]!;
    const day = addDays(today, days);
    addReminder(ctx, { clientId, title, due: time ? `${day}T${time}` : day });
  });
  return ids.length;
}
