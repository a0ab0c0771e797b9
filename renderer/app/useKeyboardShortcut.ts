import { useEffect, useEffectEvent } from 'react';

export interface ShortcutOptions {
  /** Require Ctrl (or Cmd on macOS). */
  mod?: boolean;
  /** Fire even while typing in a text field (only sensible with `mod`). */
  inFields?: boolean;
  /** Require Shift as well. */
  shift?: boolean;
}

/** Runs `handler` when `key` is pressed anywhere on the page, except while typing unless asked. */
export function useKeyboardShortcut(key: string, handler: (event: KeyboardEvent) => void, options: ShortcutOptions = {}): void {
  // The newest handler runs, without re-adding the listener each render.
  const onShortcut = useEffectEvent(handler);
  const { mod = false, inFields = false, shift } = options;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== key.toLowerCase() || event.altKey || event.defaultPrevented) return;
      const modPressed = event.ctrlKey || event.metaKey;
      if (mod !== modPressed) return;
      if (shift !== undefined && shift !== event.shiftKey) return;
      if (!inFields && isTyping(event.target)) return;
      event.preventDefault();
      onShortcut(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, mod, inFields, shift]);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
