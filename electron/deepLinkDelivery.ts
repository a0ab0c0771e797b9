/**
 * Holds a deep link until the window can take it: links arrive before the app is ready
 * (macOS `open-url`, the launch command line) or while the page is still loading.
 */
import { parseDeepLink } from '../core/desktop/deepLink';
import type { DeepLink } from '../core/desktop/ipcContract';

export type DeepLinkReceiver = (link: DeepLink) => void;

export class DeepLinkDelivery {
  /** Only the latest link is kept: an older one the user clicked before is stale. */
  private pending: DeepLink | undefined;
  private receiver: DeepLinkReceiver | undefined;

  constructor(private readonly warn: (message: string) => void = (message) => console.warn(message)) {}

  /** Parses a raw link and delivers or keeps it. Returns false when the link was refused. */
  receive(rawUrl: string): boolean {
    const parsed = parseDeepLink(rawUrl);
    if (!parsed.ok) {
      // The reason only: the raw link is untrusted and may be huge.
      this.warn(`Ignored a runbook-reader:// link: ${parsed.reason}`);
      return false;
    }
    if (this.receiver) this.receiver(parsed.link);
    else this.pending = parsed.link;
    return true;
  }

  /** The page is ready for links: deliver the kept one, then deliver as they come. */
  attach(receiver: DeepLinkReceiver): void {
    this.receiver = receiver;
    const link = this.pending;
    this.pending = undefined;
    if (link) receiver(link);
  }

  /** The page is gone (window closed or reloading): keep links until the next `attach`. */
  detach(): void {
    this.receiver = undefined;
  }
}
