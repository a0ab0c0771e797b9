/**
 * Builds the `window.runbookReader` object from an IpcRenderer-like port. Kept apart from
 * `preload.ts` so that it can be tested without Electron.
 * One method per contract channel; listeners get payloads only, never the IpcRenderer event
 * (which would hand the page `event.sender`, i.e. ipcRenderer itself).
 */
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type AppCommand,
  type DeepLink,
  type DesktopBridge,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type OfflineCopyOpened,
  type SyncProgressEvent,
  type Unsubscribe,
} from '../core/desktop/ipcContract';
import { EVENT_SCHEMAS, INVOKE_SCHEMAS } from '../core/desktop/ipcSchemas';
import { checkMessage } from '../core/messages/checkMessage';

type IpcListener = (event: unknown, payload: unknown) => void;

/** The part of Electron's `ipcRenderer` the bridge uses. */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/**
 * An event payload checked against its schema, which also drops what the contract does not have (so
 * nothing else main might attach reaches the page); undefined for one that does not fit.
 */
function eventPayload<E extends EventChannel>(channel: E, payload: unknown): EventPayload<E> | undefined {
  const checked = checkMessage(EVENT_SCHEMAS[channel], payload);
  return checked.ok ? (checked.value as EventPayload<E>) : undefined;
}

export function createDesktopBridge(ipc: IpcRendererPort): DesktopBridge {
  function invoke<C extends InvokeChannel>(
    channel: C,
    ...request: InvokeRequest<C> extends void ? [] : [InvokeRequest<C>]
  ): Promise<InvokeResponse<C>> {
    return ipc.invoke(channel, ...request).then((raw) => {
      const checked = checkMessage(INVOKE_SCHEMAS[channel].response, raw);
      if (!checked.ok) throw new Error(`${channel}: the app’s answer did not fit the contract (${checked.reason})`);
      return checked.value;
    });
  }

  const commandListeners = new Set<(command: AppCommand) => void>();
  ipc.on(EVENT_CHANNELS.command, (_event, payload) => {
    const command = eventPayload(EVENT_CHANNELS.command, payload);
    if (command === undefined) return;
    for (const listener of [...commandListeners]) listener(command);
  });

  // Deep links can arrive before the page has subscribed (the app was launched by the link):
  // the latest one waits for the first subscriber.
  const deepLinkListeners = new Set<(link: DeepLink) => void>();
  let pendingDeepLink: DeepLink | undefined;
  ipc.on(EVENT_CHANNELS.deepLink, (_event, payload) => {
    const link = eventPayload(EVENT_CHANNELS.deepLink, payload);
    if (!link) return;
    if (deepLinkListeners.size === 0) pendingDeepLink = link;
    for (const listener of [...deepLinkListeners]) listener(link);
  });

  const syncProgressListeners = new Set<(event: SyncProgressEvent) => void>();
  ipc.on(EVENT_CHANNELS.syncProgress, (_event, payload) => {
    const progress = eventPayload(EVENT_CHANNELS.syncProgress, payload);
    if (!progress) return;
    for (const listener of [...syncProgressListeners]) listener(progress);
  });

  // A file opened with the app usually arrives before the page has subscribed (it launched the app).
  const openedListeners = new Set<(file: OfflineCopyOpened) => void>();
  let pendingOpened: OfflineCopyOpened | undefined;
  ipc.on(EVENT_CHANNELS.offlineCopyOpened, (_event, payload) => {
    const file = eventPayload(EVENT_CHANNELS.offlineCopyOpened, payload);
    if (!file) return;
    if (openedListeners.size === 0) pendingOpened = file;
    for (const listener of [...openedListeners]) listener(file);
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
    probeHost: (sourceId) => invoke(INVOKE_CHANNELS.probeHost, { sourceId }),
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
    importOfflineCopy: (request) => invoke(INVOKE_CHANNELS.importOfflineCopy, request),
    saveOfflineCopy: (request) => invoke(INVOKE_CHANNELS.saveOfflineCopy, request),
    inspectOfflineCopy: (request) => invoke(INVOKE_CHANNELS.inspectOfflineCopy, request),
    onOfflineCopyOpened: (listener) => {
      const unsubscribe = subscribe(openedListeners, listener);
      const pending = pendingOpened;
      pendingOpened = undefined;
      if (pending) listener(pending);
      return unsubscribe;
    },
  };
}
