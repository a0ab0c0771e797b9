import { SyncError } from './syncError';

/**
 * Refuses repository addresses the engine must not use: anything but http(s), and URLs with a user name
 * or password in them (a token belongs in the token field, where it is never shown or logged).
 */
export function checkRepositoryUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SyncError('invalid-source', 'The repository address is not a valid URL. Use the https:// address of the repository.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SyncError('invalid-source', 'Only http:// and https:// repository addresses are supported (not SSH or file paths).');
  }
  if (parsed.username || parsed.password) {
    throw new SyncError(
      'invalid-source',
      'The repository address contains a user name or token. Remove it from the address and put the token in the access token field.',
    );
  }
  return parsed;
}

/**
 * `docs/runbooks/`, `/docs/runbooks`, `./docs//runbooks` → `docs/runbooks`; empty means the repository root.
 * A `..` segment is refused: a sub-folder cannot leave the repository.
 */
export function normaliseSubdir(subdir: string | undefined): string {
  if (!subdir) return '';
  const parts = subdir
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) {
    throw new SyncError('invalid-source', `The sub-folder "${subdir}" leaves the repository; give a folder inside it.`);
  }
  return parts.join('/');
}
