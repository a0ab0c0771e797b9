/** Typed main → renderer events (the `EventContract` half of the IPC contract). */
import type { WebContents } from 'electron';
import type { EventChannel, EventPayload } from '../core/desktop/ipcContract';

export type EventTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

/** Sends one contract event; silently skipped when the page is already gone. */
export function sendToRenderer<E extends EventChannel>(target: EventTarget, channel: E, payload: EventPayload<E>): void {
  if (!target.isDestroyed()) target.send(channel, payload);
}
