/**
 * The date box for screens that show it only on demand (the client list's filter and bulk
 * edit): its calendar and date parsing (react-day-picker, date-fns, ~85 KB) load when a date
 * box is first shown, not with the screen. Until then a blank, disabled box of the same name.
 */
import { lazy, Suspense, type ComponentProps } from 'react';

const Loaded = lazy(async () => ({ default: (await import('./DateInput')).DateInput }));

export function LazyDateInput(props: ComponentProps<typeof Loaded>) {
  const blank = (
    <input
      type="text"
      name={props.name}
      aria-label={props['aria-label']}
      className={props.className}
      disabled
    />
  );
  return (
    <Suspense fallback={blank}>
      <Loaded {...props} />
    </Suspense>
  );
}
