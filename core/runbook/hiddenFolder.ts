/**
 * True when a file lies under a folder whose name starts with '.' (`.obsidian/templates/x.md`,
 * `.github/PULL_REQUEST_TEMPLATE.md`): such folders hold tool files, not runbooks. The file's own name
 * does not count, only the folders above it.
 */
export function isInHiddenFolder(path: string): boolean {
  const segments = path.split('/');
  segments.pop();
  return segments.some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
}
