import type { SourceRecord } from '../model';

/** What a bundle was found to hold once its header was read and its pack indexed, before anything is applied. */
export interface BundleContents {
  /** The commit the import would apply (the chosen branch's tip). */
  tip: string;
  /** Whether the bundle's pack holds this object, or names it as a prerequisite. */
  holds: (oid: string) => boolean;
}

/** A Git source the bundle might update, with whether its object store already holds the bundle's tip. */
export interface SourceToMatch {
  source: Pick<SourceRecord, 'id' | 'kind'> & { version?: string | undefined };
  storeHasTip: boolean;
}

/**
 * `same`: exactly one source is the bundle's repository; `commit` is the commit they share, to say why.
 * `unsure`: none or several are, so the person chooses (`candidates` lists the several, else is empty).
 */
export type BundleSourceMatch = { kind: 'same'; sourceId: string; commit: string } | { kind: 'unsure'; candidates: string[] };

const COMMIT_ID = /^[0-9a-f]{40}$/;

/**
 * Finds the existing Git source a bundle updates. A source is the same repository when its current
 * commit is among the bundle's objects (the bundle is newer, or the same) or when its object store already
 * holds the bundle's tip (the bundle is older). A name says nothing about the repository, so it is never
 * used; neither is a zip, which holds no commit.
 */
export function matchBundleSource(bundle: BundleContents, sources: readonly SourceToMatch[]): BundleSourceMatch {
  const found: { sourceId: string; commit: string }[] = [];
  for (const { source, storeHasTip } of sources) {
    if (source.kind !== 'git') continue;
    const version = source.version !== undefined && COMMIT_ID.test(source.version) ? source.version : undefined;
    if (version !== undefined && bundle.holds(version)) found.push({ sourceId: source.id, commit: version });
    else if (storeHasTip) found.push({ sourceId: source.id, commit: bundle.tip });
  }
  if (found.length === 1) return { kind: 'same', ...found[0]! };
  return { kind: 'unsure', candidates: found.map((match) => match.sourceId) };
}

/** The line beside a preselected source, or under the choice when the app was not sure. */
export function describeBundleSourceMatch(match: BundleSourceMatch): string {
  if (match.kind === 'same') return `Same repository: contains ${match.commit.slice(0, 7)}.`;
  if (match.candidates.length > 1) return 'Several sources hold this repository’s commits; choose the one to update.';
  return 'No source here holds this repository’s commits; choose a new source or the one to update.';
}
