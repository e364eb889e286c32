/**
 * A path typed by the user, with its button. The desktop shell adds a "Choose…" button here that
 * opens the system's file dialog; the browser shell takes the path as typed.
 */
import { useState, type FormEvent, type ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  initial: string;
  submit: string;
  pending: boolean;
  onSubmit: (path: string) => void;
  /** Options between the field and the button (the read-only box). */
  children?: ReactNode;
  error?: string | undefined;
}

export function PathForm({
  id,
  label,
  initial,
  submit,
  pending,
  onSubmit,
  children,
  error,
}: Props) {
  const [path, setPath] = useState(initial);
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onSubmit(path.trim());
  };
  return (
    <form className="wb-path" onSubmit={send} noValidate>
      <label htmlFor={id}>{label}</label>
      <div className="wb-path__row">
        <input
          id={id}
          name={id}
          value={path}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          onChange={(e) => setPath(e.target.value)}
        />
        {children}
        <button type="submit" className="primary" disabled={pending || !path.trim()}>
          {submit}
        </button>
      </div>
    </form>
  );
}
