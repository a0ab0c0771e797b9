import { decodeBase64, SshWireError, SshWireReader } from './sshWireReader';

/** Key types whose signatures `verifySshSignature` can check. */
export const SIGNING_KEY_TYPES = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'ssh-rsa'] as const;
export type SigningKeyType = (typeof SIGNING_KEY_TYPES)[number];

/** One public key a source's commits may be signed with. */
export interface PinnedSigningKey {
  type: SigningKeyType;
  /** The key in SSH wire form: what an SSH signature names as its signer, compared byte for byte. */
  blob: Uint8Array;
  /** What the person wrote beside the key, for "signed by …": its comment, else its principals; empty when neither. */
  label: string;
}

export interface PinnedSigningKeysProblem {
  /** 1-based line of the text. */
  line: number;
  message: string;
}

export interface ParsedPinnedSigningKeys {
  keys: PinnedSigningKey[];
  problems: PinnedSigningKeysProblem[];
}

/** A source can pin many keys, but not an unbounded text. */
export const MAX_PINNED_KEYS_TEXT_LENGTH = 64 * 1024;

/**
 * Reads the "Pinned signing keys" of a source: one OpenSSH public key a line (`ssh-ed25519 AAAA… alice`,
 * as in a `.pub` file), or a line of Git's `gpg.ssh.allowedSignersFile` (`alice@example.com
 * namespaces="git" ssh-ed25519 AAAA…`). Blank lines and `#` comments are ignored. A line that cannot be a
 * usable key is reported with its number instead of being dropped: a key the person meant to pin and
 * that silently does nothing would refuse every commit it signed.
 */
export function parsePinnedSigningKeys(text: string): ParsedPinnedSigningKeys {
  const keys: PinnedSigningKey[] = [];
  const problems: PinnedSigningKeysProblem[] = [];
  if (text.length > MAX_PINNED_KEYS_TEXT_LENGTH) {
    return { keys, problems: [{ line: 1, message: `The pinned keys are longer than ${MAX_PINNED_KEYS_TEXT_LENGTH / 1024} KB.` }] };
  }
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) return;
    const result = parseKeyLine(line);
    if (typeof result === 'string') problems.push({ line: index + 1, message: result });
    else keys.push(result);
  });
  return { keys, problems };
}

/** Problems as one sentence per line, for a form or a command's error. */
export function describePinnedKeysProblems(problems: readonly PinnedSigningKeysProblem[]): string {
  return problems.map((problem) => `Pinned signing keys, line ${problem.line}: ${problem.message}`).join(' ');
}

function parseKeyLine(line: string): PinnedSigningKey | string {
  const tokens = tokenize(line);
  if (tokens === undefined) return 'a quote is not closed.';
  const typeAt = tokens.findIndex((token) => isKeyTypeName(token));
  if (typeAt === -1) {
    const securityKey = tokens.find((token) => token.startsWith('sk-'));
    if (securityKey) return `${securityKey} (security key) signatures cannot be checked here yet; pin an ed25519, ECDSA or RSA key.`;
    return 'no OpenSSH public key here (expected a line such as "ssh-ed25519 AAAA… name").';
  }
  const type = tokens[typeAt] as SigningKeyType;
  const encoded = tokens[typeAt + 1];
  const blob = encoded === undefined ? undefined : decodeBase64(encoded);
  if (!blob) return `the ${type} key's text is missing or is not base64.`;
  const inner = keyTypeInBlob(blob);
  if (inner !== type) return `the key text is not a ${type} key${inner ? ` (it holds ${inner})` : ''}.`;
  const before = tokens.slice(0, typeAt);
  const principals = before[0] !== undefined && !before[0].includes('=') ? before[0] : '';
  const options = principals ? before.slice(1) : before;
  for (const option of options) {
    const [name, value = ''] = splitOption(option);
    if (name === 'namespaces') {
      if (!value.split(',').includes('git')) return `the key is limited to namespaces "${value}", which do not include git.`;
    } else {
      return `the option "${name}" is not supported here; remove it or pin the key without it.`;
    }
  }
  const comment = tokens.slice(typeAt + 2).join(' ');
  return { type, blob, label: comment || principals };
}

function isKeyTypeName(token: string): boolean {
  return (SIGNING_KEY_TYPES as readonly string[]).includes(token);
}

function keyTypeInBlob(blob: Uint8Array): string | undefined {
  try {
    return new SshWireReader(blob).text();
  } catch (error) {
    if (error instanceof SshWireError || error instanceof TypeError) return undefined;
    throw error;
  }
}

function splitOption(option: string): [string, string?] {
  const at = option.indexOf('=');
  if (at === -1) return [option.toLowerCase()];
  return [option.slice(0, at).toLowerCase(), option.slice(at + 1)];
}

/** Splits on spaces outside double quotes (options such as `namespaces="git,file"`), dropping the quotes. */
function tokenize(line: string): string[] | undefined {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (const char of line) {
    if (char === '"') {
      quoted = !quoted;
      started = true;
    } else if (!quoted && /\s/.test(char)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (quoted) return undefined;
  if (started) tokens.push(current);
  return tokens;
}

/** `SHA256:…`, as `ssh-keygen -l` prints it, to name a key that is not pinned. */
export async function sshKeyFingerprint(blob: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(blob)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `SHA256:${btoa(binary).replace(/=+$/, '')}`;
}
