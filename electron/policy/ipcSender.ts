/** Which frames may call the main process over IPC. */
import { isAppUrl } from './appOrigin';

/**
 * True when an IPC call comes from a frame showing the app's own pages. `frameUrl` is the sender
 * frame's URL at the time of the call; a missing frame (navigated away, destroyed) is refused.
 */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}
