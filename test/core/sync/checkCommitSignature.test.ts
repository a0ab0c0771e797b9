import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCommitSignature } from '../../../core/sync/checkCommitSignature';
import { RunbookRepo } from '../../helpers/makeRunbookRepo';
import { rawCommit, SigningKeys, type SigningKey } from '../../helpers/signingKeys';

const keys = new SigningKeys();
let repo: RunbookRepo;
let alice: SigningKey;
let mallory: SigningKey;

beforeAll(() => {
  alice = keys.make('ed25519', 'alice@ops');
  mallory = keys.make('ed25519', 'mallory@elsewhere');
  repo = new RunbookRepo();
});

afterAll(() => {
  repo.dispose();
  keys.dispose();
});

function commitWith(key: SigningKey | undefined, text: string): { id: string; raw: Uint8Array } {
  repo.write('runbook.md', `# Runbook\n\n${text}\n`);
  const id = repo.commit(`edit: ${text}`, key ? { signingKey: key.privateKeyFile } : {});
  return { id, raw: rawCommit(repo.workDir, id) };
}

describe('checkCommitSignature with real ssh-keygen signatures', () => {
  it('accepts a commit signed by a pinned ed25519 key and names the key by its comment', async () => {
    const { id, raw } = commitWith(alice, 'one');
    const verdict = await checkCommitSignature(id, raw, { pinnedKeys: alice.publicLine });
    expect(verdict).toMatchObject({ accepted: true, mark: { status: 'signed', commit: id, signer: 'alice@ops' } });
    if (verdict.accepted && verdict.mark.status === 'signed') expect(verdict.mark.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it.each(['ecdsa', 'rsa'] as const)('accepts a commit signed by a pinned %s key', async (type) => {
    const key = keys.make(type, `${type}-signer`);
    const { id, raw } = commitWith(key, `signed with ${type}`);
    const verdict = await checkCommitSignature(id, raw, { pinnedKeys: `# team keys\n${alice.publicLine}\n\n${key.publicLine}\n` });
    expect(verdict).toMatchObject({ accepted: true, mark: { status: 'signed', signer: `${type}-signer` } });
  });

  it('refuses a commit signed by a key that is not pinned, naming its fingerprint', async () => {
    const { id, raw } = commitWith(mallory, 'two');
    const verdict = await checkCommitSignature(id, raw, { pinnedKeys: alice.publicLine });
    expect(verdict).toMatchObject({ accepted: false, refusal: 'not-pinned' });
    if (!verdict.accepted) {
      expect(verdict.message).toContain(`Commit ${id.slice(0, 7)} is signed by a key that is not pinned for this source (SHA256:`);
    }
  });

  it('refuses a commit whose signed bytes were altered after signing', async () => {
    const { id, raw } = commitWith(alice, 'restart the primary');
    const text = new TextDecoder().decode(raw);
    expect(text).toContain('restart the primary');
    const tampered = new TextEncoder().encode(text.replace('restart the primary', 'restart the replica'));
    const verdict = await checkCommitSignature(id, tampered, { pinnedKeys: alice.publicLine });
    expect(verdict).toMatchObject({ accepted: false, refusal: 'bad-signature' });
    if (!verdict.accepted) expect(verdict.message).toContain('does not verify');
    // The untouched bytes still verify: the refusal is about the change, not the key.
    expect(await checkCommitSignature(id, raw, { pinnedKeys: alice.publicLine })).toMatchObject({ accepted: true });
  });

  it('refuses a signature whose own bytes were altered', async () => {
    const { id, raw } = commitWith(alice, 'three');
    const text = new TextDecoder().decode(raw);
    const lines = text.split('\n');
    // The third armor line holds the end of the signature bytes; flip one character there.
    const at = lines.findIndex((line) => line.startsWith('gpgsig')) + 3;
    const line = lines[at]!;
    lines[at] = line.slice(0, 10) + (line[10] === 'A' ? 'B' : 'A') + line.slice(11);
    const verdict = await checkCommitSignature(id, new TextEncoder().encode(lines.join('\n')), { pinnedKeys: alice.publicLine });
    expect(verdict.accepted).toBe(false);
  });

  it('accepts an unsigned commit marked unsigned when keys are pinned, and refuses it when the source requires signed commits', async () => {
    const { id, raw } = commitWith(undefined, 'unsigned');
    expect(await checkCommitSignature(id, raw, { pinnedKeys: alice.publicLine })).toEqual({
      accepted: true,
      mark: { status: 'unsigned', commit: id },
    });
    const refused = await checkCommitSignature(id, raw, { pinnedKeys: alice.publicLine, requireSigned: true });
    expect(refused).toMatchObject({ accepted: false, refusal: 'unsigned' });
    if (!refused.accepted) expect(refused.message).toContain(`Commit ${id.slice(0, 7)} is unsigned`);
  });

  it('without pinned keys refuses nothing and marks commits unsigned or not checked', async () => {
    const unsigned = commitWith(undefined, 'plain');
    expect(await checkCommitSignature(unsigned.id, unsigned.raw, {})).toEqual({
      accepted: true,
      mark: { status: 'unsigned', commit: unsigned.id },
    });
    const signed = commitWith(mallory, 'signed but nobody pins');
    expect(await checkCommitSignature(signed.id, signed.raw, { pinnedKeys: '  \n# none yet\n' })).toEqual({
      accepted: true,
      mark: { status: 'not-checked', commit: signed.id },
    });
  });

  it('reads allowed_signers lines: principals, a git namespace and no comment name the key by its principal', async () => {
    const { id, raw } = commitWith(alice, 'four');
    const [type, blob] = alice.publicLine.split(' ');
    const verdict = await checkCommitSignature(id, raw, { pinnedKeys: `alice@example.com namespaces="git,file" ${type} ${blob}` });
    expect(verdict).toMatchObject({ accepted: true, mark: { status: 'signed', signer: 'alice@example.com' } });
  });

  it('says so when the platform’s WebCrypto cannot check the key type, instead of calling the signature altered', async () => {
    const { id, raw } = commitWith(alice, 'no ed25519 here');
    const importKey = vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('Unrecognized name.', 'NotSupportedError'));
    try {
      const verdict = await checkCommitSignature(id, raw, { pinnedKeys: alice.publicLine });
      expect(verdict).toMatchObject({ accepted: false, refusal: 'bad-signature' });
      if (!verdict.accepted) {
        expect(verdict.message).toContain(
          `Commit ${id.slice(0, 7)} cannot be checked here: this browser cannot check ssh-ed25519 signatures`,
        );
        expect(verdict.message).not.toContain('altered');
      }
    } finally {
      importKey.mockRestore();
    }
  });

  it('refuses everything while a pinned key line cannot be read, saying which line', async () => {
    const { id, raw } = commitWith(alice, 'five');
    const verdict = await checkCommitSignature(id, raw, { pinnedKeys: `${alice.publicLine}\nssh-ed25519 not-base64!` });
    expect(verdict).toMatchObject({ accepted: false, refusal: 'bad-keys' });
    if (!verdict.accepted) expect(verdict.message).toContain('line 2');
  });
});
