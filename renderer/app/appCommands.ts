import { useEffect, useEffectEvent } from 'react';
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
  // The newest handler runs, without re-adding the listener each render.
  const onCommand = useEffectEvent(handler);
  useEffect(() => {
    const listener = (event: Event) => {
      if ((event as CustomEvent<AppCommand>).detail === command) onCommand();
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [command]);
}
