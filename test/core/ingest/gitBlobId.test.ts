import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { gitBlobId } from '../../../core/ingest/gitBlobId';

/** What Git itself calls these bytes. Run outside any repository so no attributes or filters apply. */
function gitHashObject(bytes: Uint8Array): string {
  const run = spawnSync('git', ['hash-object', '--stdin'], { input: bytes, cwd: tmpdir(), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git hash-object failed: ${run.stderr}`);
  return run.stdout.trim();
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('gitBlobId', () => {
  const inputs: Record<string, Uint8Array> = {
    'an empty file': new Uint8Array(),
    'a short line': utf8('hello\n'),
    'CRLF text (hashed as is)': utf8('# Title\r\nline\r\n'),
    'multi-byte UTF-8': utf8('---\ntitle: 障害対応 🚨 café\n---\n'),
    'binary with NUL bytes': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]),
    'a 200 KiB file': Uint8Array.from({ length: 200 * 1024 }, (_, i) => (i * 31 + 7) % 251),
  };
  for (const [name, bytes] of Object.entries(inputs)) {
    it(`matches git hash-object for ${name}`, () => {
      expect(gitBlobId(bytes)).toBe(gitHashObject(bytes));
    });
  }

  it('is a 40-digit lower-case hex id that changes with one byte', () => {
    const a = gitBlobId(utf8('step 1\n'));
    expect(a).toMatch(/^[0-9a-f]{40}$/);
    expect(gitBlobId(utf8('step 2\n'))).not.toBe(a);
  });
});
