import { useSyncExternalStore } from 'react';

/** A user-data write that failed, as the person should read it. */
export interface WriteFailure {
  id: number;
  message: string;
}

let failure: WriteFailure | undefined;
let nextId = 1;
const listeners = new Set<() => void>();

/** True for the browser's "no space left" error, however IndexedDB or Dexie wrapped it. */
export function isQuotaExceeded(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs a write of the user's own data (bookmarks, history, settings) and says so when it fails, instead of
 * a silent unhandled rejection. `what` completes "…was not saved". A full disk gets its own message with
 * what to do; what was saved before stays as it was (each write is one transaction).
 */
export function saveUserData(what: string, write: Promise<unknown>): void {
  write.catch((error: unknown) => {
    const message = isQuotaExceeded(error)
      ? `Storage full: ${what} was not saved. Free some space on this device (or remove an offline source you no longer need under Sources), then try again. Everything saved before is kept.`
      : `${capitalise(what)} was not saved: ${error instanceof Error ? error.message : String(error)}`;
    failure = { id: nextId++, message };
    for (const listener of listeners) listener();
  });
}

export function dismissWriteFailure(): void {
  failure = undefined;
  for (const listener of listeners) listener();
}

export function useWriteFailure(): WriteFailure | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => failure,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
