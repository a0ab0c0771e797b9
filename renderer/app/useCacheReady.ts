import { useEffect, useState } from 'react';
import { bundledSourceIsCurrent } from '../../core/cache/bundledSourceIsCurrent';
import { BUNDLED_VERSION, loadBundledSnapshot } from './bundledRunbooks';
import { BUNDLED_SOURCE_ID } from '../../core/model';
import { notifySearchIndexChanged } from '../search/searchClient';
import { db } from './database';

export type CacheState = { phase: 'opening' } | { phase: 'ready' } | { phase: 'failed'; message: string };

/** Writes the build's ready-made records of the shipped runbooks unless the cache already holds them. */
async function seedShippedRunbooks() {
  if (await bundledSourceIsCurrent(db, BUNDLED_VERSION)) return undefined;
  // Loaded only here: seeding needs ingest and its parsers, which an ordinary start never runs.
  const [{ seedBundledSource }, snapshot] = await Promise.all([import('../../core/cache/seedBundledSource'), loadBundledSnapshot()]);
  return seedBundledSource(db, snapshot);
}

let earlyCheck: ReturnType<typeof seedShippedRunbooks> | undefined;

/**
 * Starts opening the cache and checking the shipped runbooks now, while the rest of the app is still being
 * evaluated (see startCacheEarly); the app's first useCacheReady takes this check instead of starting its own.
 */
export function startCacheCheck(): void {
  const check = seedShippedRunbooks();
  // A failure is reported by the hook that takes the check, never as an unhandled rejection meanwhile.
  check.catch(() => undefined);
  earlyCheck = check;
}

/**
 * Opens the cache and makes sure it holds the runbooks shipped with this build. On later starts the
 * bundle version matches and nothing is loaded; on the first start the records made at build time are written.
 */
export function useCacheReady(): CacheState {
  const [state, setState] = useState<CacheState>({ phase: 'opening' });
  useEffect(() => {
    let cancelled = false;
    const check = earlyCheck ?? seedShippedRunbooks();
    earlyCheck = undefined;
    check
      .then((applied) => {
        // A search worker started before the seed finished must pick up the new runbooks.
        if (applied) notifySearchIndexChanged(BUNDLED_SOURCE_ID);
        if (!cancelled) setState({ phase: 'ready' });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const reason = error instanceof Error ? error.message : String(error);
        setState({
          phase: 'failed',
          message: `The offline cache could not be opened (${reason}). Private browsing or full storage can cause this.`,
        });
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
