import type { BundleRef } from './readBundleHeader';
import { OfflineCopyError } from './offlineCopyError';

const HEADS = 'refs/heads/';

/**
 * The branch to import: the one asked for (by short name or full ref name), else the bundle's only
 * branch. A bundle of `HEAD` alone (`git bundle create x.bundle HEAD`) counts as one branch, `HEAD`.
 * Several branches and no choice is an error that lists them, so the person can pick.
 */
export function chooseBundleBranch(refs: readonly BundleRef[], wanted?: string): { branch: string; commit: string } {
  const branches = refs
    .filter((ref) => ref.name.startsWith(HEADS))
    .map((ref) => ({ branch: ref.name.slice(HEADS.length), commit: ref.oid }));
  const head = refs.find((ref) => ref.name === 'HEAD');
  if (branches.length === 0 && head) branches.push({ branch: 'HEAD', commit: head.oid });
  if (wanted !== undefined) {
    const name = wanted.startsWith(HEADS) ? wanted.slice(HEADS.length) : wanted;
    const found = branches.find((b) => b.branch === name);
    if (found) return found;
    throw new OfflineCopyError(
      'branch-not-found',
      branches.length === 0
        ? `The bundle has no branch "${name}": it holds no branches at all. Nothing was changed.`
        : `The bundle has no branch "${name}"; it holds ${listBranches(branches)}. Nothing was changed.`,
      { branches: branches.map((b) => b.branch) },
    );
  }
  if (branches.length === 1) return branches[0]!;
  if (branches.length === 0) {
    throw new OfflineCopyError(
      'no-branch',
      'The bundle holds no branch. Make it with a branch name: git bundle create runbooks.bundle main. Nothing was changed.',
    );
  }
  throw new OfflineCopyError(
    'choose-branch',
    `The bundle holds several branches: ${listBranches(branches)}. Choose one. Nothing was changed.`,
    {
      branches: branches.map((b) => b.branch),
    },
  );
}

function listBranches(branches: readonly { branch: string }[]): string {
  return branches.map((b) => `"${b.branch}"`).join(', ');
}
