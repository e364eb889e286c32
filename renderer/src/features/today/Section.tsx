/** A titled block of the Today screen with its count, an optional one-line lead, and "show all". */
import { useState, type ReactNode } from 'react';
import './retain.css';

export function Section(props: {
  id: string;
  title: string;
  count: number;
  lead?: string;
  className?: string;
  children: ReactNode;
}) {
  const headingId = `today-${props.id}-title`;
  return (
    <section
      className={`today-section${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={headingId}
      data-testid={`today-${props.id}`}
    >
      <h2 id={headingId}>
        {props.title}
        {props.count > 0 ? <span className="today-section__count">{props.count}</span> : null}
      </h2>
      {props.lead ? <p className="today-section__lead muted">{props.lead}</p> : null}
      {props.children}
    </section>
  );
}

/** The first `limit` items, or all of them once the user asks; long lists start collapsed. */
export function useCollapsed<T>(items: T[], limit: number) {
  const [open, setOpen] = useState(false);
  return {
    shown: open ? items : items.slice(0, limit),
    open,
    hidden: items.length > limit,
    toggle: () => setOpen((v) => !v),
  };
}

/** "Show all 12" under a collapsed list, "Show fewer" under an open one. */
export function ShowAll(props: {
  open: boolean;
  hidden: boolean;
  /** The labels, already in the page's language. */
  more: string;
  less: string;
  onToggle: () => void;
}) {
  if (!props.hidden) return null;
  return (
    <button
      type="button"
      className="link today-more"
      aria-expanded={props.open}
      onClick={props.onToggle}
    >
      {props.open ? props.less : props.more}
    </button>
  );
}
