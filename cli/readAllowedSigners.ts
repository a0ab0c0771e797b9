import { readFile } from 'node:fs/promises';
import { describePinnedKeysProblems, MAX_PINNED_KEYS_TEXT_LENGTH, parsePinnedSigningKeys } from '../core/sync/pinnedSigningKeys';
import type { CommitSignatureMark } from '../core/model';
import { escapeControlChars } from '../core/terminal/escapeControlChars';

/** Help text shared by `sync` and `import`. */
export const SIGNING_OPTIONS_USAGE = `  --allowed-signers FILE
                    pinned signing keys: OpenSSH public keys, one a line (a .pub file, or Git's
                    gpg.ssh.allowedSignersFile); a commit not signed by one of them is refused
  --allow-unsigned  with --allowed-signers: apply an unsigned commit too (reported as unsigned)`;

/**
 * The text of `--allowed-signers FILE`, checked as the app checks a source's pinned keys. Throws an
 * `Error` whose message says what is wrong (the caller reports it as a usage error).
 */
export async function readAllowedSigners(file: string): Promise<string> {
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_PINNED_KEYS_TEXT_LENGTH) throw new Error(`--allowed-signers ${file} is larger than 64 KB.`);
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('--allowed-signers')) throw error;
    throw new Error(`--allowed-signers ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, {
      cause: error,
    });
  }
  const { keys, problems } = parsePinnedSigningKeys(text);
  if (problems.length > 0) throw new Error(`--allowed-signers ${file}: ${describePinnedKeysProblems(problems)}`);
  if (keys.length === 0) throw new Error(`--allowed-signers ${file} holds no key.`);
  return text;
}

/** One line for the human summary: who signed the commit, or that it is unsigned. */
export function describeSignatureLine(mark: CommitSignatureMark | undefined): string | undefined {
  if (!mark) return undefined;
  if (mark.status === 'signed') return `  signed by ${escapeControlChars(mark.signer)} (${mark.fingerprint})`;
  if (mark.status === 'unsigned') return '  unsigned';
  return '  signed, not checked (no --allowed-signers)';
}
