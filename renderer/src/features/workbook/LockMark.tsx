/** The mark of an encrypted workbook: a small padlock, named for screen readers and on hover. */
export function LockMark({ label, className }: { label: string; className?: string }) {
  return (
    <span
      className={className ? `wb-lock ${className}` : 'wb-lock'}
      role="img"
      aria-label={label}
      title={label}
      data-testid="lock-mark"
    >
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path
          d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z"
          fill="currentColor"
        />
      </svg>
    </span>
  );
}
