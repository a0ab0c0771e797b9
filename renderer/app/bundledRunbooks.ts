import type { BundledSnapshot } from '../../core/sources/bundledChangeSet';
import { snapshotOfPreIngested } from '../../core/sources/preIngestedBundle';
import bundledVersion from 'virtual:bundled-runbooks-version';

/** Version of the runbooks shipped with this build (known without loading them). */
export const BUNDLED_VERSION = bundledVersion;

/**
 * The shipped runbooks, ingested when the app was built (see `preIngestedRunbooksPlugin`). A chunk of its own:
 * only a start whose cache does not hold this bundle yet loads it; it is precached, so that works offline too.
 */
export async function loadBundledSnapshot(): Promise<BundledSnapshot> {
  const { default: bundle } = await import('virtual:bundled-runbooks');
  return snapshotOfPreIngested(bundle);
}
