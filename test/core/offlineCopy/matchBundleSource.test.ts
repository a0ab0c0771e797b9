import { describe, expect, it } from 'vitest';
import { describeBundleSourceMatch, matchBundleSource, type BundleContents } from '../../../core/offlineCopy/matchBundleSource';

const OLD = 'a'.repeat(40);
const TIP = 'b'.repeat(40);
const OTHER = 'c'.repeat(40);

/** A bundle whose pack holds `TIP` and its ancestor `OLD` (a full bundle of a repository at `TIP`). */
const bundle: BundleContents = { tip: TIP, holds: (oid) => oid === TIP || oid === OLD };

const git = (id: string, version: string | undefined, storeHasTip = false) => ({
  source: { id, kind: 'git' as const, version },
  storeHasTip,
});

describe('matchBundleSource: which existing source a bundle updates', () => {
  it('finds the source at an older commit of the same repository (the bundle is newer) and says which commit they share', () => {
    const match = matchBundleSource(bundle, [git('ops', OLD), git('team', OTHER)]);
    expect(match).toEqual({ kind: 'same', sourceId: 'ops', commit: OLD });
    expect(describeBundleSourceMatch(match)).toBe('Same repository: contains aaaaaaa.');
  });

  it('finds the source whose store already holds the bundle’s tip (the bundle is older)', () => {
    const newer = 'd'.repeat(40);
    expect(matchBundleSource(bundle, [git('ops', newer, true), git('team', OTHER)])).toEqual({
      kind: 'same',
      sourceId: 'ops',
      commit: TIP,
    });
  });

  it('is unsure about an unrelated repository: nothing preselected', () => {
    const match = matchBundleSource(bundle, [
      git('team', OTHER),
      { source: { id: 'zip-1', kind: 'folder', version: OLD }, storeHasTip: false },
    ]);
    expect(match).toEqual({ kind: 'unsure', candidates: [] });
    expect(describeBundleSourceMatch(match)).toContain('No source here holds this repository’s commits');
  });

  it('is unsure when two sources hold the repository, and names both for the person to choose', () => {
    const match = matchBundleSource(bundle, [git('ops', OLD), git('ops-copy', TIP), git('team', OTHER)]);
    expect(match).toEqual({ kind: 'unsure', candidates: ['ops', 'ops-copy'] });
    expect(describeBundleSourceMatch(match)).toContain('Several sources');
  });

  it('ignores a source never synced and a version that is not a commit (the bundled set’s hash)', () => {
    expect(matchBundleSource(bundle, [git('new', undefined), git('odd', 'not-a-commit')])).toEqual({ kind: 'unsure', candidates: [] });
  });
});
