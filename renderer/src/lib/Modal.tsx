/**
 * Every modal of the app, on the native `<dialog>` opened with `showModal()`: the browser moves
 * the focus in, keeps Tab inside and makes the page behind inert; Escape asks the owner to close
 * it; on close the focus goes back to whatever had it before (the button that opened it).
 */
import { useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react';

interface Props {
  /** Called on Escape (and on a click beside it, with `closeOnBackdrop`); the owner unmounts it. */
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** `alertdialog` for a question that needs an answer. */
  role?: 'dialog' | 'alertdialog';
  labelledBy?: string;
  describedBy?: string;
  label?: string;
  /** A click on the backdrop closes it (menus and pickers, not forms one could lose). */
  closeOnBackdrop?: boolean;
  style?: CSSProperties;
  testId?: string;
}

export function Modal(props: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onClose = useRef(props.onClose);
  useLayoutEffect(() => {
    onClose.current = props.onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const cancel = (event: Event) => {
      // The owner decides: it unmounts the dialog, and the focus goes back below.
      event.preventDefault();
      onClose.current();
    };
    dialog.addEventListener('cancel', cancel);
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={props.className ? `modal ${props.className}` : 'modal'}
      role={props.role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      aria-label={props.label}
      style={props.style}
      data-testid={props.testId}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself, outside its content.
        if (props.closeOnBackdrop && event.target === event.currentTarget) onClose.current();
      }}
    >
      {props.children}
    </dialog>
  );
}
