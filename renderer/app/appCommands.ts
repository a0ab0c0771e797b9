import { useEffect, useRef } from 'react';
import type { AppCommand } from '../../core/desktop/ipcContract';

const EVENT = 'rr-app-command';

/**
 * App-wide commands (search, contacts, sync, bookmark, print) can come from the desktop menu, keyboard
 * shortcuts or buttons; whichever screen can act on one listens for it here.
 */
export function dispatchAppCommand(command: AppCommand): void {
  window.dispatchEvent(new CustomEvent<AppCommand>(EVENT, { detail: command }));
}

export function useAppCommand(command: AppCommand, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: Event) => {
      if ((event as CustomEvent<AppCommand>).detail === command) latest.current();
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [command]);
}
