/**
 * Git access tokens, encrypted with the OS keychain through Electron's `safeStorage` and kept in
 * one JSON file (sourceId → base64 ciphertext) in the app's data folder.
 * Tokens are never logged, never written in plain text and never returned to the renderer: the
 * renderer can only set, test for and delete them; `readToken` is for the main-process sync engine.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, safeStorage, type SafeStorage } from 'electron';

export const TOKEN_FILE_NAME = 'git-tokens.json';

/** The part of `safeStorage` the store uses (a fake in tests). */
export type TokenCipher = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export class TokenStoreError extends Error {
  override name = 'TokenStoreError';
}

export interface TokenStore {
  /** Encrypts and stores the token; throws `TokenStoreError` (without the token) when it cannot. */
  setToken(sourceId: string, token: string): Promise<void>;
  hasToken(sourceId: string): Promise<boolean>;
  deleteToken(sourceId: string): Promise<void>;
  /** Main process only (sync engine). Undefined when no token is stored or it cannot be decrypted. */
  readToken(sourceId: string): Promise<string | undefined>;
}

export interface TokenStoreOptions {
  filePath: string;
  cipher: TokenCipher;
  platform: NodeJS.Platform;
}

type TokenFile = Map<string, string>;

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

async function load(filePath: string): Promise<TokenFile> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch {
    return new Map();
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // An unreadable file holds no usable token; it is replaced on the next write.
    return new Map();
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return new Map();
  const entries = Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return new Map(entries);
}

async function save(filePath: string, tokens: TokenFile): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(Object.fromEntries(tokens), null, 2)}\n`, { mode: 0o600 });
  // Rename is atomic: a crash mid-write never leaves a half-written file.
  await rename(temporary, filePath);
}

export function createTokenStore({ filePath, cipher, platform }: TokenStoreOptions): TokenStore {
  // Serialises read-modify-write cycles so two quick calls cannot lose each other's change.
  let queue: Promise<unknown> = Promise.resolve();
  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    setToken(sourceId, token) {
      return serialised(async () => {
        const unavailable = whyEncryptionUnavailable(cipher, platform);
        if (unavailable) throw new TokenStoreError(unavailable);
        let ciphertext: Buffer;
        try {
          ciphertext = cipher.encryptString(token);
        } catch {
          throw new TokenStoreError('The operating system keychain could not encrypt the token.');
        }
        const tokens = await load(filePath);
        tokens.set(sourceId, ciphertext.toString('base64'));
        await save(filePath, tokens);
      });
    },

    hasToken(sourceId) {
      return serialised(async () => (await load(filePath)).has(sourceId));
    },

    deleteToken(sourceId) {
      return serialised(async () => {
        const tokens = await load(filePath);
        if (tokens.delete(sourceId)) await save(filePath, tokens);
      });
    },

    readToken(sourceId) {
      return serialised(async () => {
        const ciphertext = (await load(filePath)).get(sourceId);
        if (ciphertext === undefined || !cipher.isEncryptionAvailable()) return undefined;
        try {
          return cipher.decryptString(Buffer.from(ciphertext, 'base64'));
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

/** For the main-process sync engine only: the decrypted token of a source. Never send it to the renderer. */
export function readToken(sourceId: string): Promise<string | undefined> {
  return appTokenStore().readToken(sourceId);
}
