import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SigningKey {
  /** The private key file, for `user.signingkey` (`RunbookRepo.commit(…, { signingKey })`). */
  privateKeyFile: string;
  /** The `.pub` line: `ssh-ed25519 AAAA… comment`. */
  publicLine: string;
}

/** A folder of SSH key pairs made by `ssh-keygen`, removed with `dispose()`. */
export class SigningKeys {
  private readonly dir = mkdtempSync(join(tmpdir(), 'signing-keys-'));
  private made = 0;

  make(type: 'ed25519' | 'ecdsa' | 'rsa', comment: string): SigningKey {
    const file = join(this.dir, `key-${++this.made}`);
    const size = type === 'rsa' ? ['-b', '2048'] : type === 'ecdsa' ? ['-b', '256'] : [];
    execFileSync('ssh-keygen', ['-q', '-t', type, ...size, '-N', '', '-C', comment, '-f', file]);
    return { privateKeyFile: file, publicLine: readFileSync(`${file}.pub`, 'utf8').trim() };
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A commit object's exact bytes, as `git cat-file commit` prints them. */
export function rawCommit(workDir: string, commit: string): Uint8Array {
  return new Uint8Array(execFileSync('git', ['cat-file', 'commit', commit], { cwd: workDir }));
}
