/**
 * Registers one `ipcMain.handle` per invoke channel of the contract. Every handler first checks
 * that the call comes from a frame on the app's own origin, then checks the request against the
 * channel's schema (`core/desktop/ipcSchemas.ts`).
 * There is no generic passthrough: a channel not in the contract does not exist.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  INVOKE_CHANNELS,
  type DeleteSyncStoreResult,
  type PruneSyncStoresResult,
  type DesktopPlatform,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type OfflineCopyImportWireRequest,
  type OfflineCopyImportWireResponse,
  type OfflineCopyInspectRequest,
  type OfflineCopyInspectResult,
  type OfflineCopySaveRequest,
  type OfflineCopySaveResult,
  type OpenExternalResult,
  type PrintToPdfResult,
  type ProbeHostResult,
  type SyncRunRequest,
  type SyncRunResponse,
} from '../core/desktop/ipcContract';
import { INVOKE_SCHEMAS } from '../core/desktop/ipcSchemas';
import { checkMessage } from '../core/messages/checkMessage';
import { insecureTokenAddress, originOf } from '../core/sync/tokenBinding';
import { isTrustedSender } from './policy/ipcSender';
import type { SourceSettingsStore } from './sourceSettingsStore';
import type { EventTarget as RendererTarget } from './rendererEvents';
import { TokenStoreError, type TokenStore } from './tokenStore';

/** What a channel does with a request that passed its schema (`INVOKE_SCHEMAS`). */
export interface ChannelHandler<C extends InvokeChannel> {
  handle(request: InvokeRequest<C>, event: IpcMainInvokeEvent): Promise<InvokeResponse<C>> | InvokeResponse<C>;
}

/** One handler per contract channel: adding a channel to the contract without one is a type error. */
export type IpcHandlerTable = { [C in InvokeChannel]: ChannelHandler<C> };

export interface IpcDependencies {
  appVersion(): string;
  platform: NodeJS.Platform;
  /** The allowlist-checked opener (`electron/openExternal.ts`), never `shell.openExternal` itself. */
  openExternalSafely(url: string): Promise<OpenExternalResult>;
  printToPdf(contents: WebContents, suggestedName: string): Promise<PrintToPdfResult>;
  /** No `readToken`: tokens never go back to the renderer. */
  tokenStore: Pick<TokenStore, 'setToken' | 'hasToken' | 'deleteToken'>;
  /** Main's own record of where each source syncs from; a token is bound to the origin saved here. */
  sourceSettings: Pick<SourceSettingsStore, 'save' | 'get'>;
  /** `electron/hostProbe.ts`: one short request to the host of the address main saved for the source. */
  probeHost(sourceId: string): Promise<ProbeHostResult>;
  /** `electron/gitSync.ts`: one Git sync in main (with main's own per-source lock), progress sent to `target`. */
  syncRun(request: SyncRunRequest, target: RendererTarget): Promise<SyncRunResponse>;
  /** Stops the source's running sync, if any; true when one was running. */
  syncCancel(sourceId: string): boolean;
  /** Deletes the source's object store, after stopping its sync. */
  deleteSyncStore(sourceId: string): Promise<DeleteSyncStoreResult>;
  /** Deletes the object stores of every source not kept (nor syncing). */
  pruneSyncStores(keepSourceIds: string[]): Promise<PruneSyncStoresResult>;
  /** `electron/gitSync.ts`: an offline copy's change set, computed in the source's object store under its lock. */
  importOfflineCopy(request: OfflineCopyImportWireRequest): Promise<OfflineCopyImportWireResponse>;
  /** Asks where (a save dialog on `contents`' window), then writes a bundle of the source's commit there. */
  saveOfflineCopy(request: OfflineCopySaveRequest, contents: WebContents): Promise<OfflineCopySaveResult>;
  /** `electron/gitSync.ts`: which Git source a picked bundle updates, from the sources' object stores (read only). */
  inspectOfflineCopy(request: OfflineCopyInspectRequest): Promise<OfflineCopyInspectResult>;
}

function desktopPlatform(platform: NodeJS.Platform): DesktopPlatform {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other';
}

export function createIpcHandlers(deps: IpcDependencies): IpcHandlerTable {
  return {
    [INVOKE_CHANNELS.appInfo]: {
      handle: () => ({ version: deps.appVersion(), platform: desktopPlatform(deps.platform) }),
    },
    [INVOKE_CHANNELS.openExternal]: {
      handle: ({ url }) => deps.openExternalSafely(url),
    },
    [INVOKE_CHANNELS.printToPdf]: {
      handle: ({ suggestedName }, event) => deps.printToPdf(event.sender, suggestedName),
    },
    [INVOKE_CHANNELS.setToken]: {
      handle: async ({ sourceId, token }) => {
        // The token is bound to the origin main has saved for the source, never to one the call names.
        const settings = await deps.sourceSettings.get(sourceId);
        const origin = settings ? originOf(settings.url) : undefined;
        if (!settings || !origin) return { stored: false, reason: 'The source must be saved before its token.' };
        const insecure = insecureTokenAddress(settings.url);
        if (insecure) return { stored: false, reason: insecure };
        try {
          await deps.tokenStore.setToken(sourceId, token, origin);
          return { stored: true };
        } catch (error) {
          // Only the store's own messages are passed on; anything else could echo the input.
          const reason = error instanceof TokenStoreError ? error.message : 'The token could not be saved.';
          return { stored: false, reason };
        }
      },
    },
    [INVOKE_CHANNELS.hasToken]: {
      handle: ({ sourceId }) => deps.tokenStore.hasToken(sourceId),
    },
    [INVOKE_CHANNELS.deleteToken]: {
      handle: ({ sourceId }) => deps.tokenStore.deleteToken(sourceId),
    },
    [INVOKE_CHANNELS.saveSource]: {
      handle: async (settings) => {
        try {
          await deps.sourceSettings.save(settings);
          return { saved: true };
        } catch (error) {
          const code = (error as { code?: unknown } | undefined)?.code;
          return {
            saved: false,
            reason: `The source settings could not be saved in the app's data folder (${typeof code === 'string' ? code : 'unknown error'}).`,
          };
        }
      },
    },
    [INVOKE_CHANNELS.probeHost]: {
      handle: ({ sourceId }) => deps.probeHost(sourceId),
    },
    [INVOKE_CHANNELS.syncRun]: {
      // Progress goes to the page that asked, not to every window.
      handle: (request, event) => deps.syncRun(request, event.sender),
    },
    [INVOKE_CHANNELS.syncCancel]: {
      handle: ({ sourceId }) => deps.syncCancel(sourceId),
    },
    [INVOKE_CHANNELS.deleteSyncStore]: {
      handle: ({ sourceId }) => deps.deleteSyncStore(sourceId),
    },
    [INVOKE_CHANNELS.pruneSyncStores]: {
      handle: ({ keepSourceIds }) => deps.pruneSyncStores(keepSourceIds),
    },
    [INVOKE_CHANNELS.importOfflineCopy]: {
      handle: (request) => deps.importOfflineCopy(request),
    },
    [INVOKE_CHANNELS.saveOfflineCopy]: {
      // The save dialog belongs to the window that asked.
      handle: (request, event) => deps.saveOfflineCopy(request, event.sender),
    },
    [INVOKE_CHANNELS.inspectOfflineCopy]: {
      handle: (request) => deps.inspectOfflineCopy(request),
    },
  };
}

function senderFrameUrl(event: IpcMainInvokeEvent): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    // Reading a frame that is being torn down can throw; such a sender is not trusted.
    return undefined;
  }
}

/** Wraps a handler with the sender-frame check and request validation. Exported for tests. */
export function guardHandler<C extends InvokeChannel>(
  channel: C,
  handler: ChannelHandler<C>,
): (event: IpcMainInvokeEvent, raw?: unknown) => Promise<InvokeResponse<C>> {
  return async (event, raw) => {
    if (!isTrustedSender(senderFrameUrl(event))) {
      console.warn(`Refused IPC ${channel}: the sender frame is not the app.`);
      throw new Error(`${channel} refused: the call did not come from the app.`);
    }
    const parsed = checkMessage(INVOKE_SCHEMAS[channel].request, raw);
    if (!parsed.ok) throw new Error(`${channel} refused: ${parsed.reason}`);
    return handler.handle(parsed.value, event);
  };
}

function registerChannels<K extends InvokeChannel>(channels: readonly K[], table: { [C in K]: ChannelHandler<C> }): void {
  for (const channel of channels) ipcMain.handle(channel, guardHandler(channel, table[channel]));
}

export function registerIpcHandlers(table: IpcHandlerTable): void {
  registerChannels(Object.values(INVOKE_CHANNELS), table);
}
