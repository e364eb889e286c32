/**
 * A date box in the UI's language: typed as «30.11.2026» (Russian) or «11/30/2026» (English),
 * with a calendar (react-day-picker, the same language) beside it. The value given and taken
 * is `YYYY-MM-DD`; text that is no date is passed on as typed, so the form's own check
 * explains it next to the box.
 */
import { useEffect, useRef, useState, type InputHTMLAttributes, type Ref } from 'react';
import { DayPicker } from 'react-day-picker';
import { enUS, ru } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import { useTranslation } from 'react-i18next';
import { dayPlaceholder, langOf, readDay, showDay } from './typed-dates';
import './date-input.css';

type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

interface Props extends Passed {
  value: string;
  onChange: (value: string) => void;
  /** The text box itself (a form that focuses it). */
  ref?: Ref<HTMLInputElement>;
}

export function DateInput({ value, onChange, className, ref, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [text, setText] = useState(() => showDay(value, lang));
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  const wrap = useRef<HTMLSpanElement>(null);

  // A value set from outside (a reset, another language) is shown anew; one typed here stays.
  // (Adjusted while rendering, as React advises for state that follows a prop.)
  const [shown, setShown] = useState({ value, lang });
  if (shown.value !== value || shown.lang !== lang) {
    setShown({ value, lang });
    if (readDay(text, lang) !== value || shown.lang !== lang) setText(showDay(value, lang));
  }

  useEffect(() => {
    if (!open) return;
    const away = (event: MouseEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const picked = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : undefined;
  return (
    <span className="date-input" ref={wrap}>
      <input
        {...rest}
        ref={(element) => {
          box.current = element;
          if (typeof ref === 'function') ref(element);
          else if (ref) ref.current = element;
        }}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={className}
        placeholder={rest.placeholder ?? dayPlaceholder(lang)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(readDay(e.target.value, lang) ?? e.target.value);
        }}
        onBlur={(e) => {
          const day = readDay(text, lang);
          if (day) setText(showDay(day, lang));
          // Focus moving to the calendar button or the calendar is still inside the box.
          if (wrap.current?.contains(e.relatedTarget)) return;
          rest.onBlur?.(e);
        }}
      />
      <button
        type="button"
        className="date-input__pick"
        aria-label={t('dates.pick')}
        aria-expanded={open}
        disabled={rest.disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" fill="none" />
        </svg>
      </button>
      {open ? (
        <div
          className="date-input__calendar"
          role="dialog"
          aria-label={t('dates.calendar')}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setOpen(false);
            box.current?.focus();
          }}
        >
          <DayPicker
            mode="single"
            locale={lang === 'en' ? enUS : ru}
            selected={picked}
            defaultMonth={picked}
            autoFocus
            onSelect={(day) => {
              if (!day) return;
              const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
              setText(showDay(iso, lang));
              onChange(iso);
              setOpen(false);
              box.current?.focus();
            }}
          />
        </div>
      ) : null}
    </span>
  );
}
