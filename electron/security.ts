/**
 * Applies the security policy (`electron/policy/`) to every webContents and session the app
 * creates. Called from `app.on('web-contents-created')`, so no window can miss it.
 */
import type { Session, WebContents } from 'electron';
import { decideNavigation, decideRedirectOrSubframe, decideWindowOpen } from './policy/navigation';
import { decidePermission } from './policy/permissions';
import type { OpenExternalResult } from '../core/desktop/ipcContract';

export type OpenExternal = (url: string) => Promise<OpenExternalResult>;

/** Session-wide permission handlers: deny everything but what `decidePermission` grants. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => decidePermission(permission, requestingOrigin));
}

/** Navigation, redirect, window-open and webview guards for one webContents. */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-externally') void openExternal(decision.url);
  });

  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && decideRedirectOrSubframe(event.url).action !== 'allow') event.preventDefault();
  });

  contents.on('will-redirect', (event) => {
    if (decideRedirectOrSubframe(event.url).action !== 'allow') event.preventDefault();
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally !== undefined) void openExternal(decision.openExternally);
    return { action: 'deny' };
  });

  hardenSession(contents.session);
}
