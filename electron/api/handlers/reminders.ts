/** Reminders, the Today agenda, contact cadence and the touch mix. */
import { readCadence, touchMix, writeCadence } from '../../../db/queries/agenda';
import { assertClient } from '../../../db/queries/clients';
import {
  addReminder,
  completeReminder,
  deleteReminder,
  listReminders,
  snoozeReminder,
  updateReminder,
} from '../../../db/queries/reminders';
import type { HandlerSlice } from './types';

export const reminderHandlers: HandlerSlice<
  | 'reminders.add'
  | 'reminders.update'
  | 'reminders.complete'
  | 'reminders.snooze'
  | 'reminders.delete'
  | 'reminders.list'
  | 'reminders.agenda'
  | 'cadence.get'
  | 'cadence.set'
  | 'clients.touchMix'
> = {
  'reminders.add': (input, ctx) => {
    assertClient(ctx.wb, input.clientId);
    return addReminder(ctx, input);
  },
  'reminders.update': (input, ctx) => updateReminder(ctx, input),
  'reminders.complete': ({ id, call }, ctx) => completeReminder(ctx, id, call),
  'reminders.snooze': ({ id, until }, ctx) => snoozeReminder(ctx, id, until),
  'reminders.delete': ({ id }, ctx) => deleteReminder(ctx, id),
  'reminders.list': ({ clientId, includeDone }, ctx) => {
    assertClient(ctx.wb, clientId);
    return listReminders(ctx.wb, clientId, includeDone ?? false);
  },
  'reminders.agenda': ({ date, days, time }, ctx) =>
    ctx.agenda.agenda({ date, days: days ?? 7, time }),
  'cadence.get': (_input, ctx) => readCadence(ctx.wb),
  'cadence.set': (input, ctx) => writeCadence(ctx.wb, input, ctx.now()),
  'clients.touchMix': ({ clientId, last }, ctx) => {
    assertClient(ctx.wb, clientId);
    return touchMix(ctx.wb, clientId, last ?? 12);
  },
};
