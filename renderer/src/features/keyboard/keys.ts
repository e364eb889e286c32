/**
 * What a key press means, independent of the keyboard layout: letters are read from the key's
 * place (`event.code`), so "N" is the same key on a Russian layout, where it types "т".
 */

/** The focus is somewhere the user types: a letter there is text, never a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

/** A bare letter key (no Ctrl, Alt or Meta), by its place on the keyboard. */
export function isLetter(event: KeyboardEvent, letter: string): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey) return false;
  return event.code === `Key${letter.toUpperCase()}`;
}

/** `?`: Shift and the slash key on any layout (it types "," on a Russian one). */
export function isHelpKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey) return false;
  return event.key === '?' || (event.code === 'Slash' && event.shiftKey);
}

export function isPaletteKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && event.code === 'KeyP';
}

/** A modal is open: its own keys rule (Escape closes it, Tab stays inside). */
export function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** A shortcut that does not fire while typing or under a modal. */
export function plainKey(event: KeyboardEvent): boolean {
  return !event.defaultPrevented && !isTyping(event.target) && !modalOpen();
}
