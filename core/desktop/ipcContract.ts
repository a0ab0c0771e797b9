/**
 * The one typed IPC contract between the Electron main process and the renderer.
 * Platform-free: types and channel names only, no imports from Electron, Node or the DOM.
 *
 * Adding an invoke channel (for example `sync:run`):
 *   1. add its name to `INVOKE_CHANNELS`,
 *   2. add its request/response types to `InvokeContract`,
 *   3. add a method to `DesktopBridge`.
 * The compiler then asks for a request validator and a handler in `electron/ipc.ts` and for the
 * bridge method in `electron/desktopBridge.ts`; nothing else needs touching.
 */
import type { ChangeSet } from '../model';
import type { SyncErrorCode } from '../sync/syncError';
import type { GitSyncStats, SyncProgress } from '../sync/syncGitSource';

/** Renderer → main request/response channels (`ipcRenderer.invoke` / `ipcMain.handle`). */
export const INVOKE_CHANNELS = {
  appInfo: 'app:info',
  openExternal: 'shell:open-external',
  printToPdf: 'window:print-to-pdf',
  setToken: 'token:set',
  hasToken: 'token:has',
  deleteToken: 'token:delete',
  saveSource: 'source:save',
  syncRun: 'sync:run',
  syncCancel: 'sync:cancel',
  deleteSyncStore: 'sync:delete-store',
  pruneSyncStores: 'sync:prune-stores',
} as const;

/** Main → renderer event channels (`webContents.send` / `ipcRenderer.on`). */
export const EVENT_CHANNELS = {
  command: 'app:command',
  deepLink: 'app:deep-link',
  syncProgress: 'sync:progress',
} as const;

export type DesktopPlatform = 'darwin' | 'win32' | 'linux' | 'other';

export interface AppInfo {
  version: string;
  platform: DesktopPlatform;
}

export interface OpenExternalRequest {
  url: string;
}

export interface OpenExternalResult {
  opened: boolean;
  /** Why the URL was not opened, in words a person can act on. */
  reason?: string;
}

export interface PrintToPdfRequest {
  /** File name offered in the save dialog, usually the runbook title. Sanitised by main. */
  suggestedName: string;
}

export interface PrintToPdfResult {
  saved: boolean;
  path?: string;
  reason?: string;
}

export interface SetTokenRequest {
  sourceId: string;
  token: string;
}

export interface SetTokenResult {
  stored: boolean;
  /** Why the token was not stored (for example: no OS keychain available). Never contains the token. */
  reason?: string;
}

export interface SourceTokenRequest {
  sourceId: string;
}

/**
 * Where a Git source syncs from (`source:save`). Main keeps these in its own store and syncs from them;
 * a token is bound to the origin of `url` when it is set and is never sent to another origin, so a source
 * re-pointed elsewhere syncs there without it until the person enters the token again.
 */
export interface SourceSettings {
  sourceId: string;
  /** http(s) address of the repository, without credentials. */
  url: string;
  branch?: string;
  /** Sub-folder of the repository, normalised (`docs/runbooks`). */
  subdir?: string;
}

export interface SaveSourceResult {
  saved: boolean;
  /** Why the settings were not saved, in words a person can act on. */
  reason?: string;
}

/**
 * One Git sync, run by the main process (Node fs and http: no CORS). Plain data only. There is
 * deliberately no token and no address: main reads the source's settings (`source:save`) and its token
 * from its own stores by `sourceId`.
 */
export interface SyncRunRequest {
  sourceId: string;
  /** The commit the page's cache holds for this source (`SourceRecord.version`). */
  previousCommit?: string;
  /** Path → Git blob id of every file the page's cache holds for the source. */
  cached: Record<string, string>;
  /** The page's cache was written by another ingest version: read every file again (see `GitSyncRequest.rereadAll`). */
  rereadAll?: boolean;
  maxFileBytes?: number;
  timeoutMs?: number;
  /** Overall deadline of the download (default 20 minutes). */
  deadlineMs?: number;
  /** Fewest bytes a second the download must average over a minute (default 512). */
  minBytesPerSecond?: number;
}

/** Names the source whose sync to cancel (`sync:cancel`) or whose object store to delete (`sync:delete-store`). */
export interface SyncSourceRequest {
  sourceId: string;
}

/** What deleting a removed source's object store (its downloaded Git data) did; `sync:delete-store` answers with it. */
export interface DeleteSyncStoreResult {
  deleted: boolean;
  /** Why it was not deleted, in words a person can act on. */
  reason?: string;
}

/** The Git sources the cache holds (`sync:prune-stores`): every other object store is left over and deleted. */
export interface PruneSyncStoresRequest {
  keepSourceIds: string[];
}

/** What pruning did: left-over object stores deleted, and those that could not be (tried again next start). */
export interface PruneSyncStoresResult {
  removed: number;
  failed: number;
}

/**
 * The change set for the page to apply in one transaction, or why there is none. Structured-clone
 * friendly (plain objects and Uint8Arrays); the message never contains the token.
 */
export type SyncRunResponse =
  { ok: true; changeSet: ChangeSet; stats: GitSyncStats } | { ok: false; error: { code: SyncErrorCode; message: string } };

/** Progress of a `sync:run`, sent to the page that started it. */
export interface SyncProgressEvent {
  sourceId: string;
  progress: SyncProgress;
}

/**
 * Channel → request and response. `request: void` means the channel takes no argument.
 * Tokens only ever travel renderer → main: no response carries one.
 */
export interface InvokeContract {
  'app:info': { request: void; response: AppInfo };
  'shell:open-external': { request: OpenExternalRequest; response: OpenExternalResult };
  'window:print-to-pdf': { request: PrintToPdfRequest; response: PrintToPdfResult };
  'token:set': { request: SetTokenRequest; response: SetTokenResult };
  'token:has': { request: SourceTokenRequest; response: boolean };
  'token:delete': { request: SourceTokenRequest; response: void };
  'source:save': { request: SourceSettings; response: SaveSourceResult };
  'sync:run': { request: SyncRunRequest; response: SyncRunResponse };
  /** `true` when a sync of the source was running and has been told to stop (its `sync:run` answers `cancelled`). */
  'sync:cancel': { request: SyncSourceRequest; response: boolean };
  'sync:delete-store': { request: SyncSourceRequest; response: DeleteSyncStoreResult };
  'sync:prune-stores': { request: PruneSyncStoresRequest; response: PruneSyncStoresResult };
}

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
export const APP_COMMANDS = ['search', 'contacts', 'sync', 'bookmark', 'print'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** A validated `runbook-reader://open/<sourceId>/<path>#<anchor>` link. */
export interface DeepLink {
  sourceId: string;
  /** Path of the runbook inside its source, `/`-separated, ending in `.md`. */
  path: string;
  /** Heading anchor inside the runbook, without `#`. */
  anchor?: string;
}

/** Event channel → payload. */
export interface EventContract {
  'app:command': AppCommand;
  'app:deep-link': DeepLink;
  'sync:progress': SyncProgressEvent;
}

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
}

/** The global name under which the preload exposes the bridge. */
export const DESKTOP_BRIDGE_KEY = 'runbookReader';

declare global {
  interface Window {
    /** Present only inside the Electron desktop app. */
    runbookReader?: DesktopBridge;
  }
}
