/**
 * The one typed IPC contract between the Electron main process and the renderer.
 * Platform-free: channel names and types, the types inferred from the schemas in `ipcSchemas.ts`.
 *
 * Adding an invoke channel (for example `sync:run`):
 *   1. add its name to `INVOKE_CHANNELS`,
 *   2. add its request and response schemas to `INVOKE_SCHEMAS` (ipcSchemas.ts),
 *   3. add a method to `DesktopBridge`.
 * The compiler then asks for a handler in `electron/ipc.ts` and for the bridge method in
 * `electron/desktopBridge.ts`; main checks the request and the bridge the response against the schemas.
 */
import type * as v from 'valibot';
import {
  APP_COMMANDS,
  type appCommandSchema,
  type appInfoSchema,
  type deepLinkSchema,
  type deleteSyncStoreResultSchema,
  type offlineCopyImportRequestSchema,
  type offlineCopyImportResponseSchema,
  type offlineCopyInspectRequestSchema,
  type offlineCopyInspectResultSchema,
  type offlineCopyOpenedSchema,
  type offlineCopySaveRequestSchema,
  type offlineCopySaveResultSchema,
  type EVENT_SCHEMAS,
  type INVOKE_SCHEMAS,
  type openExternalRequestSchema,
  type openExternalResultSchema,
  type printToPdfRequestSchema,
  type printToPdfResultSchema,
  type probeHostRequestSchema,
  type probeHostResultSchema,
  type pruneSyncStoresRequestSchema,
  type pruneSyncStoresResultSchema,
  type saveSourceResultSchema,
  type setTokenRequestSchema,
  type setTokenResultSchema,
  type sourceSettingsSchema,
  type sourceTokenRequestSchema,
  type syncProgressEventSchema,
  type syncRunRequestSchema,
  type syncRunResponseSchema,
  type syncSourceRequestSchema,
} from './ipcSchemas';

export { APP_COMMANDS };

/** Renderer → main request/response channels (`ipcRenderer.invoke` / `ipcMain.handle`). */
export const INVOKE_CHANNELS = {
  appInfo: 'app:info',
  openExternal: 'shell:open-external',
  printToPdf: 'window:print-to-pdf',
  setToken: 'token:set',
  hasToken: 'token:has',
  deleteToken: 'token:delete',
  saveSource: 'source:save',
  probeHost: 'source:probe-host',
  syncRun: 'sync:run',
  syncCancel: 'sync:cancel',
  deleteSyncStore: 'sync:delete-store',
  pruneSyncStores: 'sync:prune-stores',
  importOfflineCopy: 'offline-copy:import',
  saveOfflineCopy: 'offline-copy:save',
  inspectOfflineCopy: 'offline-copy:inspect',
} as const;

/** Main → renderer event channels (`webContents.send` / `ipcRenderer.on`). */
export const EVENT_CHANNELS = {
  command: 'app:command',
  deepLink: 'app:deep-link',
  syncProgress: 'sync:progress',
  offlineCopyOpened: 'offline-copy:opened',
} as const;

export type DesktopPlatform = AppInfo['platform'];
export type AppInfo = v.InferOutput<typeof appInfoSchema>;
export type OpenExternalRequest = v.InferOutput<typeof openExternalRequestSchema>;
export type OpenExternalResult = v.InferOutput<typeof openExternalResultSchema>;
/** `suggestedName`: offered in the save dialog, usually the runbook title; sanitised by main. */
export type PrintToPdfRequest = v.InferOutput<typeof printToPdfRequestSchema>;
export type PrintToPdfResult = v.InferOutput<typeof printToPdfResultSchema>;
export type SetTokenRequest = v.InferOutput<typeof setTokenRequestSchema>;
export type SetTokenResult = v.InferOutput<typeof setTokenResultSchema>;
export type SourceTokenRequest = v.InferOutput<typeof sourceTokenRequestSchema>;
/** Where a Git source syncs from (`source:save`); see `sourceSettingsSchema`. */
export type SourceSettings = v.InferOutput<typeof sourceSettingsSchema>;
export type SaveSourceResult = v.InferOutput<typeof saveSourceResultSchema>;
export type ProbeHostRequest = v.InferOutput<typeof probeHostRequestSchema>;
/** A probe of a source's host made by main (`source:probe-host`); null when main has no address for the source. */
export type ProbeHostResult = v.InferOutput<typeof probeHostResultSchema>;
/** One Git sync run by the main process; see `syncRunRequestSchema`. Plain data only, no token, no address. */
export type SyncRunRequest = v.InferOutput<typeof syncRunRequestSchema>;
export type SyncSourceRequest = v.InferOutput<typeof syncSourceRequestSchema>;
/** What deleting a removed source's object store (its downloaded Git data) did; `sync:delete-store` answers with it. */
export type DeleteSyncStoreResult = v.InferOutput<typeof deleteSyncStoreResultSchema>;
export type PruneSyncStoresRequest = v.InferOutput<typeof pruneSyncStoresRequestSchema>;
/** What pruning did: left-over object stores deleted, and those that could not be (tried again next start). */
export type PruneSyncStoresResult = v.InferOutput<typeof pruneSyncStoresResultSchema>;
/** Structured-clone friendly (plain objects and Uint8Arrays). */
export type SyncRunResponse = v.InferOutput<typeof syncRunResponseSchema>;
/** An offline copy whose change set main computes in the source's object store; the page applies it. */
export type OfflineCopyImportWireRequest = v.InferOutput<typeof offlineCopyImportRequestSchema>;
export type OfflineCopyImportWireResponse = v.InferOutput<typeof offlineCopyImportResponseSchema>;
export type OfflineCopySaveRequest = v.InferOutput<typeof offlineCopySaveRequestSchema>;
/** Which existing Git source a picked bundle updates, judged by main from the sources' object stores. */
export type OfflineCopyInspectRequest = v.InferOutput<typeof offlineCopyInspectRequestSchema>;
export type OfflineCopyInspectResult = v.InferOutput<typeof offlineCopyInspectResultSchema>;
export type OfflineCopySaveResult = v.InferOutput<typeof offlineCopySaveResultSchema>;
/** A file opened with the app (`.bundle`, `.zip`), for the import panel. */
export type OfflineCopyOpened = v.InferOutput<typeof offlineCopyOpenedSchema>;
/** Progress of a `sync:run`, sent to the page that started it. */
export type SyncProgressEvent = v.InferOutput<typeof syncProgressEventSchema>;

/**
 * Channel → request and response, inferred from `INVOKE_SCHEMAS`. `request: undefined` means the channel
 * takes no argument. Tokens only ever travel renderer → main: no response carries one.
 */
export type InvokeContract = {
  [C in keyof typeof INVOKE_SCHEMAS]: {
    request: v.InferOutput<(typeof INVOKE_SCHEMAS)[C]['request']>;
    response: v.InferOutput<(typeof INVOKE_SCHEMAS)[C]['response']>;
  };
};

export type InvokeChannel = keyof InvokeContract;

type SameMembers<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
/** Compile-time check that `INVOKE_CHANNELS` and `InvokeContract` name the same channels. */
export type InvokeChannelsMatchContract = AssertTrue<SameMembers<(typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS], InvokeChannel>>;
export type InvokeRequest<C extends InvokeChannel> = InvokeContract[C]['request'];
export type InvokeResponse<C extends InvokeChannel> = InvokeContract[C]['response'];

/**
 * Commands from the application menu that the renderer acts on. Zoom is not here: the menu uses
 * Electron's built-in zoom roles, which need nothing from the renderer.
 */
export type AppCommand = v.InferOutput<typeof appCommandSchema>;

/** A validated `runbook-reader://open/<sourceId>/<path>#<anchor>` link. */
export type DeepLink = v.InferOutput<typeof deepLinkSchema>;

/** Event channel → payload. */
export type EventContract = { [E in keyof typeof EVENT_SCHEMAS]: v.InferOutput<(typeof EVENT_SCHEMAS)[E]> };

export type EventChannel = keyof EventContract;
/** Compile-time check that `EVENT_CHANNELS` and `EventContract` name the same channels. */
export type EventChannelsMatchContract = AssertTrue<SameMembers<(typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS], EventChannel>>;
export type EventPayload<E extends EventChannel> = EventContract[E];

/** Stops a subscription made with `onCommand`, `onDeepLink` or `onSyncProgress`. */
export type Unsubscribe = () => void;

/**
 * What the preload exposes as `window.runbookReader`: one method per invoke channel and one
 * subscription per event channel. There is deliberately no generic `invoke`/`send`.
 */
export interface DesktopBridge {
  appInfo(): Promise<AppInfo>;
  /** Opens an allowlisted URL (https, http, mailto, tel, configured chat) outside the app. */
  openExternal(url: string): Promise<OpenExternalResult>;
  /** Asks where to save, then saves the current page as PDF. */
  printToPdf(suggestedName: string): Promise<PrintToPdfResult>;
  /**
   * Stores a Git access token in the OS keychain-backed store, bound to the origin of the source's saved
   * address (`saveSource` first). The token can never be read back.
   */
  setToken(sourceId: string, token: string): Promise<SetTokenResult>;
  hasToken(sourceId: string): Promise<boolean>;
  deleteToken(sourceId: string): Promise<void>;
  /** Saves where a Git source syncs from; main syncs from these settings only. */
  saveSource(settings: SourceSettings): Promise<SaveSourceResult>;
  /**
   * Asks main whether the host of a saved Git source answers at all (one short request to the address main
   * saved, never to one the page names); null when main has no address saved for the source.
   */
  probeHost(sourceId: string): Promise<ProbeHostResult>;
  /** Runs one Git sync in the main process with the source's stored token; the page applies the change set. */
  syncRun(request: SyncRunRequest): Promise<SyncRunResponse>;
  /** Stops the running sync of a source; resolves `false` when none was running. Nothing is changed by a cancelled sync. */
  syncCancel(sourceId: string): Promise<boolean>;
  /** Deletes a removed source's object store and saved settings from the app's data folder, stopping its sync first if one runs. */
  deleteSyncStore(sourceId: string): Promise<DeleteSyncStoreResult>;
  /**
   * Deletes the object stores of sources that are gone (a removal whose deletion failed, or from before
   * removals deleted them); `keepSourceIds` are the Git sources the cache holds. Running syncs are kept.
   */
  pruneSyncStores(keepSourceIds: string[]): Promise<PruneSyncStoresResult>;
  onCommand(listener: (command: AppCommand) => void): Unsubscribe;
  /** Deep links that arrive before the first subscriber are kept (the latest one) and delivered to it. */
  onDeepLink(listener: (link: DeepLink) => void): Unsubscribe;
  /** Progress of every `syncRun` this page started; listeners pick their source by `sourceId`. */
  onSyncProgress(listener: (event: SyncProgressEvent) => void): Unsubscribe;
  /** Computes an offline-copy import's change set in main, in the source's object store (under its sync lock). */
  importOfflineCopy(request: OfflineCopyImportWireRequest): Promise<OfflineCopyImportWireResponse>;
  /** Asks where to save, then writes a bundle of the source's commit there. */
  saveOfflineCopy(request: OfflineCopySaveRequest): Promise<OfflineCopySaveResult>;
  /** Which Git source a picked bundle updates (read only: nothing is imported or kept). */
  inspectOfflineCopy(request: OfflineCopyInspectRequest): Promise<OfflineCopyInspectResult>;
  /** Files opened with the app; one that arrives before the first subscriber is kept for it. */
  onOfflineCopyOpened(listener: (file: OfflineCopyOpened) => void): Unsubscribe;
}

/** The global name under which the preload exposes the bridge. */
export const DESKTOP_BRIDGE_KEY = 'runbookReader';

declare global {
  interface Window {
    /** Present only inside the Electron desktop app. */
    runbookReader?: DesktopBridge;
  }
}
