/**
 * Builds the `window.runbookReader` object from an IpcRenderer-like port. Kept apart from
 * `preload.ts` so that it can be tested without Electron.
 * One method per contract channel; listeners get payloads only, never the IpcRenderer event
 * (which would hand the page `event.sender`, i.e. ipcRenderer itself).
 */
import {
  APP_COMMANDS,
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type AppCommand,
  type DeepLink,
  type DesktopBridge,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type SyncProgressEvent,
  type Unsubscribe,
} from '../core/desktop/ipcContract';
import type { SyncPhase } from '../core/sync/syncGitSource';

type IpcListener = (event: unknown, payload: unknown) => void;

/** The part of Electron's `ipcRenderer` the bridge uses. */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

function isDeepLink(value: unknown): value is DeepLink {
  if (typeof value !== 'object' || value === null) return false;
  const { sourceId, path, anchor } = value as Record<string, unknown>;
  return typeof sourceId === 'string' && typeof path === 'string' && (anchor === undefined || typeof anchor === 'string');
}

const SYNC_PHASES: readonly SyncPhase[] = ['connecting', 'fetching', 'reading', 'parsing', 'done'];

function isSyncProgressEvent(value: unknown): value is SyncProgressEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { sourceId, progress } = value as Record<string, unknown>;
  if (typeof sourceId !== 'string' || typeof progress !== 'object' || progress === null) return false;
  const { phase, percent } = progress as Record<string, unknown>;
  return (SYNC_PHASES as readonly unknown[]).includes(phase) && (percent === undefined || typeof percent === 'number');
}

function copySyncProgressEvent({ sourceId, progress: { phase, percent } }: SyncProgressEvent): SyncProgressEvent {
  return { sourceId, progress: percent === undefined ? { phase } : { phase, percent } };
}

/** Copies only the contract's fields, so nothing else main might attach reaches the page. */
function copyDeepLink({ sourceId, path, anchor }: DeepLink): DeepLink {
  return anchor === undefined ? { sourceId, path } : { sourceId, path, anchor };
}

export function createDesktopBridge(ipc: IpcRendererPort): DesktopBridge {
  function invoke<C extends InvokeChannel>(
    channel: C,
    ...request: InvokeRequest<C> extends void ? [] : [InvokeRequest<C>]
  ): Promise<InvokeResponse<C>> {
    // The main process answers each channel with the contract's response type (see electron/ipc.ts).
    return ipc.invoke(channel, ...request) as Promise<InvokeResponse<C>>;
  }

  const commandListeners = new Set<(command: AppCommand) => void>();
  ipc.on(EVENT_CHANNELS.command, (_event, payload) => {
    if (!isAppCommand(payload)) return;
    for (const listener of [...commandListeners]) listener(payload);
  });

  // Deep links can arrive before the page has subscribed (the app was launched by the link):
  // the latest one waits for the first subscriber.
  const deepLinkListeners = new Set<(link: DeepLink) => void>();
  let pendingDeepLink: DeepLink | undefined;
  ipc.on(EVENT_CHANNELS.deepLink, (_event, payload) => {
    if (!isDeepLink(payload)) return;
    const link = copyDeepLink(payload);
    if (deepLinkListeners.size === 0) pendingDeepLink = link;
    for (const listener of [...deepLinkListeners]) listener(link);
  });

  const syncProgressListeners = new Set<(event: SyncProgressEvent) => void>();
  ipc.on(EVENT_CHANNELS.syncProgress, (_event, payload) => {
    if (!isSyncProgressEvent(payload)) return;
    const progress = copySyncProgressEvent(payload);
    for (const listener of [...syncProgressListeners]) listener(progress);
  });

  function subscribe<T>(listeners: Set<(value: T) => void>, listener: (value: T) => void): Unsubscribe {
    if (typeof listener !== 'function') throw new TypeError('A listener function is required.');
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  return {
    appInfo: () => invoke(INVOKE_CHANNELS.appInfo),
    openExternal: (url) => invoke(INVOKE_CHANNELS.openExternal, { url }),
    printToPdf: (suggestedName) => invoke(INVOKE_CHANNELS.printToPdf, { suggestedName }),
    setToken: (sourceId, token) => invoke(INVOKE_CHANNELS.setToken, { sourceId, token }),
    hasToken: (sourceId) => invoke(INVOKE_CHANNELS.hasToken, { sourceId }),
    deleteToken: (sourceId) => invoke(INVOKE_CHANNELS.deleteToken, { sourceId }),
    saveSource: (settings) => invoke(INVOKE_CHANNELS.saveSource, settings),
    syncRun: (request) => invoke(INVOKE_CHANNELS.syncRun, request),
    syncCancel: (sourceId) => invoke(INVOKE_CHANNELS.syncCancel, { sourceId }),
    deleteSyncStore: (sourceId) => invoke(INVOKE_CHANNELS.deleteSyncStore, { sourceId }),
    pruneSyncStores: (keepSourceIds) => invoke(INVOKE_CHANNELS.pruneSyncStores, { keepSourceIds }),
    onCommand: (listener) => subscribe(commandListeners, listener),
    onDeepLink: (listener) => {
      const unsubscribe = subscribe(deepLinkListeners, listener);
      const pending = pendingDeepLink;
      pendingDeepLink = undefined;
      if (pending) listener(pending);
      return unsubscribe;
    },
    onSyncProgress: (listener) => subscribe(syncProgressListeners, listener),
  };
}
