import { readFile } from 'node:fs/promises';
import { describePinnedKeysProblems, MAX_PINNED_KEYS_TEXT_LENGTH, parsePinnedSigningKeys } from '../core/sync/pinnedSigningKeys';
import type { CommitSignatureMark } from '../core/model';
import { escapeControlChars } from '../core/terminal/escapeControlChars';

/** Help text shared by `sync` and `import`. */
export const SIGNING_OPTIONS_USAGE = `  --allowed-signers FILE
                    pinned signing keys: OpenSSH public keys, one a line (a .pub file, or Git's
                    gpg.ssh.allowedSignersFile); a commit signed by another key, or whose
                    signature does not verify, is refused; an unsigned one is applied and
                    reported as unsigned
  --require-signed  with --allowed-signers: refuse an unsigned commit too
  --allow-unsigned  accepted for older scripts; does nothing (unsigned is now the default)`;

/** The `parseArgs` options for signing, shared by `sync` and `import`. */
export const SIGNING_OPTIONS = {
  'allowed-signers': { type: 'string' },
  'require-signed': { type: 'boolean', default: false },
  'allow-unsigned': { type: 'boolean', default: false },
} as const;

/**
 * Whether unsigned commits are refused. Throws an `Error` whose message is the usage problem: the
 * strict option without keys, or it together with the old opt-out, which says the opposite.
 */
export function readRequireSigned(values: {
  'allowed-signers'?: string | undefined;
  'require-signed'?: boolean | undefined;
  'allow-unsigned'?: boolean | undefined;
}): boolean {
  const requireSigned = values['require-signed'] ?? false;
  if (requireSigned && values['allow-unsigned']) throw new Error('--require-signed and --allow-unsigned contradict each other; give one.');
  if (requireSigned && values['allowed-signers'] === undefined) throw new Error('--require-signed goes with --allowed-signers.');
  return requireSigned;
}

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
