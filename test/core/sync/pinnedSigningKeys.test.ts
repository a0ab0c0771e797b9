import { describe, expect, it } from 'vitest';
import { parsePinnedSigningKeys } from '../../../core/sync/pinnedSigningKeys';

// A real ed25519 public key (made with ssh-keygen for this test; no private key is kept anywhere).
const ED25519 = 'AAAAC3NzaC1lZDI1NTE5AAAAICoOxCbT/rL5Xj7QrHU16ixwAibOjlfCBAXWrIua9VRl';

describe('parsePinnedSigningKeys', () => {
  it('reads .pub lines and allowed_signers lines, ignoring blanks and comments', () => {
    const { keys, problems } = parsePinnedSigningKeys(
      `# on-call leads\n\nssh-ed25519 ${ED25519} alice laptop\nbob@example.com,ops@example.com namespaces="git" ssh-ed25519 ${ED25519}\n`,
    );
    expect(problems).toEqual([]);
    expect(keys.map((key) => [key.type, key.label])).toEqual([
      ['ssh-ed25519', 'alice laptop'],
      ['ssh-ed25519', 'bob@example.com,ops@example.com'],
    ]);
  });

  it.each([
    [`ssh-rsa ${ED25519} x`, 'is not a ssh-rsa key (it holds ssh-ed25519)'],
    ['ssh-ed25519 %%%', 'is missing or is not base64'],
    ['just some words', 'no OpenSSH public key here'],
    [`sk-ssh-ed25519@openssh.com ${ED25519}`, 'security key'],
    [`alice namespaces="file" ssh-ed25519 ${ED25519}`, 'do not include git'],
    [`alice valid-before="20300101" ssh-ed25519 ${ED25519}`, 'option "valid-before" is not supported'],
    [`alice namespaces="git ssh-ed25519 ${ED25519}`, 'quote is not closed'],
  ])('reports %s with its line number instead of dropping it', (line, says) => {
    const { keys, problems } = parsePinnedSigningKeys(`ssh-ed25519 ${ED25519} ok\n${line}`);
    expect(keys).toHaveLength(1);
    expect(problems).toEqual([{ line: 2, message: expect.stringContaining(says) }]);
  });
});
