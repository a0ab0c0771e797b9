import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepositoryFolder } from '../../../cli/check/findRepositoryFolder';

describe('findRepositoryFolder', () => {
  const root = mkdtempSync(join(tmpdir(), 'repo-folder-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives the checked folder’s path inside its Git repository, or nothing at the root or outside one', () => {
    mkdirSync(join(root, 'repo', '.git'), { recursive: true });
    mkdirSync(join(root, 'repo', 'docs', 'ops'), { recursive: true });
    mkdirSync(join(root, 'plain'), { recursive: true });
    expect(findRepositoryFolder(join(root, 'repo', 'docs', 'ops'))).toBe('docs/ops');
    expect(findRepositoryFolder(join(root, 'repo', 'docs'))).toBe('docs');
    expect(findRepositoryFolder(join(root, 'repo'))).toBeUndefined();
    expect(findRepositoryFolder(join(root, 'plain'))).toBeUndefined();
  });
});
