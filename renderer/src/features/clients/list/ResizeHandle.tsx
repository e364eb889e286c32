/**
 * The edge of a column header: drag it to widen or narrow the column, or focus it and use the
 * arrow keys (Shift for bigger steps); a double click gives the column back its own width.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { MAX_WIDTH, MIN_WIDTH } from './useColumnLayout';

const STEP = 16;

export function ResizeHandle(props: {
  label: string;
  /** The width the user set, else the least the column takes. */
  width: number;
  onResize: (width: number) => void;
  onReset: () => void;
}) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const shownWidth = (el: HTMLElement) =>
    el.parentElement?.getBoundingClientRect().width ?? MIN_WIDTH;

  const down = (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: shownWidth(e.currentTarget) };
  };
  const move = (e: PointerEvent<HTMLSpanElement>) => {
    if (drag.current) props.onResize(drag.current.width + e.clientX - drag.current.x);
  };
  const key = (e: KeyboardEvent<HTMLSpanElement>) => {
    const sign = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!sign) return;
    e.preventDefault();
    e.stopPropagation();
    props.onResize(shownWidth(e.currentTarget) + sign * (e.shiftKey ? STEP * 3 : STEP));
  };
  return (
    <span
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      aria-valuenow={props.width}
      tabIndex={0}
      className="col-resize"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={key}
      onDoubleClick={props.onReset}
      onClick={(e) => e.stopPropagation()}
    />
  );
}
