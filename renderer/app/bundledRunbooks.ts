import type { BundledSnapshot } from '../../core/sources/bundledChangeSet';
import bundledVersion from 'virtual:bundled-runbooks-version';

/** Version of the runbooks shipped with this build (known without loading them). */
export const BUNDLED_VERSION = bundledVersion;

/**
 * The shipped runbooks, ingested when the app was built (see `preIngestedRunbooksPlugin`). A chunk of its own:
 * only a start whose cache does not hold this bundle yet loads it; it is precached, so that works offline too.
 */
export async function loadBundledSnapshot(): Promise<BundledSnapshot> {
  const [{ default: bundle }, { snapshotOfPreIngested }] = await Promise.all([
    import('virtual:bundled-runbooks'),
    // With the records: it can ingest the texts again, so it brings ingest, which an ordinary start never runs.
    import('../../core/sources/preIngestedBundle'),
  ]);
  return snapshotOfPreIngested(bundle);
}
