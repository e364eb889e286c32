/**
 * A time box in the UI's language: «14:30» in Russian, «2:30 PM» in English (24-hour typing
 * is read there too). The value given and taken is `HH:mm`; text that is no time is passed on
 * as typed, for the form's check to explain.
 */
import { useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { langOf, readTime, showTime } from './typed-dates';

type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

interface Props extends Passed {
  value: string;
  onChange: (value: string) => void;
  /** To the second: `HH:mm:ss`. */
  seconds?: boolean;
}

export function TimeInput({ value, onChange, seconds = false, ...rest }: Props) {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [text, setText] = useState(() => showTime(value, lang, seconds));
  // A value set from outside is shown anew; one typed here stays (adjusted while rendering).
  const [shown, setShown] = useState({ value, lang });
  if (shown.value !== value || shown.lang !== lang) {
    setShown({ value, lang });
    if (readTime(text, lang, seconds) !== value || shown.lang !== lang) {
      setText(showTime(value, lang, seconds));
    }
  }
  return (
    <input
      {...rest}
      type="text"
      autoComplete="off"
      placeholder={rest.placeholder ?? (lang === 'en' ? 'h:mm AM' : 'ЧЧ:ММ')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(readTime(e.target.value, lang, seconds) ?? e.target.value);
      }}
      onBlur={(e) => {
        const time = readTime(text, lang, seconds);
        if (time) setText(showTime(time, lang, seconds));
        rest.onBlur?.(e);
      }}
    />
  );
}
