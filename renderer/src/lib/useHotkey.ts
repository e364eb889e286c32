import { useEffect } from 'react';

/** Calls `handler` on Ctrl/Cmd + one of `keys` anywhere in the window. */
export function useHotkey(keys: string[], handler: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && keys.includes(event.key.toLowerCase())) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys, handler]);
}
