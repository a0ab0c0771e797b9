/**
 * Git access tokens, encrypted with the OS keychain through Electron's `safeStorage` and kept in
 * one JSON file (sourceId → origin the token was saved for and base64 ciphertext) in the app's data folder.
 * A token is bound to that origin: the sync sends it nowhere else. Entries written before tokens were
 * bound (a bare ciphertext string) are never sent; the person enters the token again.
 * Tokens are never logged, never written in plain text and never returned to the renderer: the
 * renderer can only set, test for and delete them; `readToken` is for the main-process sync engine.
 */
import path from 'node:path';
import { app, safeStorage, type SafeStorage } from 'electron';
import { originOf, type SourceToken } from '../core/sync/tokenBinding';
import { readJsonObject, serialQueue, writeJsonObject } from './jsonFile';

export const TOKEN_FILE_NAME = 'git-tokens.json';

/** The part of `safeStorage` the store uses (a fake in tests). */
export type TokenCipher = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export class TokenStoreError extends Error {
  override name = 'TokenStoreError';
}

export interface TokenStore {
  /**
   * Encrypts and stores the token, bound to `origin` (of the source's saved address); throws
   * `TokenStoreError` (without the token) when it cannot.
   */
  setToken(sourceId: string, token: string, origin: string): Promise<void>;
  /** True when a token bound to an origin is stored (one from before binding does not count: it is never sent). */
  hasToken(sourceId: string): Promise<boolean>;
  deleteToken(sourceId: string): Promise<void>;
  /**
   * Main process only (sync engine): the token and the origin it may be sent to. Undefined when no bound
   * token is stored or it cannot be decrypted.
   */
  readToken(sourceId: string): Promise<SourceToken | undefined>;
}

export interface TokenStoreOptions {
  filePath: string;
  cipher: TokenCipher;
  platform: NodeJS.Platform;
}

/** One stored token: where it may be sent, and its ciphertext. */
interface TokenEntry {
  origin: string;
  ciphertext: string;
}

function asEntry(value: unknown): TokenEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { origin, ciphertext } = value as Record<string, unknown>;
  return typeof origin === 'string' && typeof ciphertext === 'string' && originOf(origin) === origin ? { origin, ciphertext } : undefined;
}

function whyEncryptionUnavailable(cipher: TokenCipher, platform: NodeJS.Platform): string | undefined {
  if (!cipher.isEncryptionAvailable()) {
    return 'The operating system keychain is not available, so the token was not stored.';
  }
  // On Linux without a Secret Service (GNOME Keyring, KWallet) Electron falls back to a fixed,
  // well-known key: that is obfuscation, not encryption.
  if (platform === 'linux' && cipher.getSelectedStorageBackend?.() === 'basic_text') {
    return 'No keyring (GNOME Keyring or KWallet) is running, so the token was not stored. Start one and try again.';
  }
  return undefined;
}

export function createTokenStore({ filePath, cipher, platform }: TokenStoreOptions): TokenStore {
  const serialised = serialQueue();

  return {
    setToken(sourceId, token, origin) {
      return serialised(async () => {
        if (originOf(origin) !== origin) throw new TokenStoreError('The token was not stored: the source has no valid repository address.');
        const unavailable = whyEncryptionUnavailable(cipher, platform);
        if (unavailable) throw new TokenStoreError(unavailable);
        let ciphertext: Buffer;
        try {
          ciphertext = cipher.encryptString(token);
        } catch {
          throw new TokenStoreError('The operating system keychain could not encrypt the token.');
        }
        const tokens = await readJsonObject(filePath);
        tokens[sourceId] = { origin, ciphertext: ciphertext.toString('base64') } satisfies TokenEntry;
        await writeJsonObject(filePath, tokens);
      });
    },

    hasToken(sourceId) {
      return serialised(async () => asEntry((await readJsonObject(filePath))[sourceId]) !== undefined);
    },

    deleteToken(sourceId) {
      return serialised(async () => {
        const tokens = await readJsonObject(filePath);
        if (!Object.hasOwn(tokens, sourceId)) return;
        delete tokens[sourceId];
        await writeJsonObject(filePath, tokens);
      });
    },

    readToken(sourceId) {
      return serialised(async () => {
        const entry = asEntry((await readJsonObject(filePath))[sourceId]);
        if (entry === undefined || !cipher.isEncryptionAvailable()) return undefined;
        try {
          return { value: cipher.decryptString(Buffer.from(entry.ciphertext, 'base64')), origin: entry.origin };
        } catch {
          // Encrypted under another OS user or keychain: the user has to enter the token again.
          return undefined;
        }
      });
    },
  };
}

let appStore: TokenStore | undefined;

/** The app's token store in its data folder. Use after the app is ready (safeStorage needs it). */
export function appTokenStore(): TokenStore {
  appStore ??= createTokenStore({
    filePath: path.join(app.getPath('userData'), TOKEN_FILE_NAME),
    cipher: safeStorage,
    platform: process.platform,
  });
  return appStore;
}

/** For the main-process sync engine only: the decrypted token of a source and its origin. Never send it to the renderer. */
export function readToken(sourceId: string): Promise<SourceToken | undefined> {
  return appTokenStore().readToken(sourceId);
}
