/**
 * Snooze: a small menu under the button: an hour, tomorrow, next week (the kernel's rules, the
 * same as the card's), or a date picked by hand. Escape or a click elsewhere closes it; Tab walks its choices.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { addDays, localDay } from '../../../../kernel/local-date';
import { SNOOZE_CHOICES, snoozeTarget } from '../../../../kernel/snooze';
import type { RowAction } from './useAgenda';
import './snooze.css';
import { DateInput } from '../../lib/DateInput';

interface Props {
  reminderId: string;
  /** The reminder's own time of day (`HH:mm`), kept by "tomorrow" and "next week". */
  dueTime: string | null;
  action: RowAction;
  /** Called after the snooze is saved, with the due value it was moved to. */
  onSnoozed: (until: string) => void;
}

export function SnoozeMenu({ reminderId, dueTime, action, onSnoozed }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState('');
  const anchor = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Node && !anchor.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const snooze = async (until: string) => {
    setOpen(false);
    const ok = await action.run(async () => {
      await api.call('reminders.snooze', { id: reminderId, until });
    });
    if (ok) onSnoozed(until);
  };
  const tomorrow = addDays(localDay(new Date()), 1);

  return (
    <div
      className="today-snooze"
      ref={anchor}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={action.pending}
        onClick={() => setOpen((v) => !v)}
      >
        {t('today.actions.snooze')} ▾
      </button>
      {open ? (
        <div
          className="today-snooze__menu"
          id={menuId}
          role="group"
          aria-label={t('today.snooze.label')}
        >
          {SNOOZE_CHOICES.map((choice, i) => (
            <button
              key={choice}
              type="button"
              autoFocus={i === 0}
              onClick={() => void snooze(snoozeTarget(choice, dueTime, new Date()))}
            >
              {t(`today.snooze.${choice}`)}
            </button>
          ))}
          <form
            className="today-snooze__pick"
            onSubmit={(e) => {
              e.preventDefault();
              if (picked) void snooze(picked);
            }}
          >
            <DateInput
              name="snooze-date"
              min={tomorrow}
              value={picked}
              aria-label={t('today.snooze.pick')}
              title={t('today.snooze.pick')}
              onChange={(value) => setPicked(value)}
            />
            <button type="submit" disabled={!picked}>
              {t('today.snooze.apply')}
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
