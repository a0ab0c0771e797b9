import { describe, expect, it } from 'vitest';
import { diffRunbookText } from '../../../core/changes/diffRunbookText';

const before = [
  '# Disk pressure',
  '',
  '## Free space fast',
  '',
  '1. Rotate logs.',
  '2. Check with `df -h`.',
  '',
  '## Escalate',
  '',
  'Page the DBA.',
  '',
].join('\n');

describe('diffRunbookText', () => {
  it('finds nothing between identical texts, whatever their line endings', () => {
    expect(diffRunbookText(before, before.replace(/\n/g, '\r\n'))).toEqual({ kind: 'same' });
  });

  it('lists an added line with its line number and the unchanged lines around it', () => {
    const after = before.replace('1. Rotate logs.\n', '1. Rotate logs.\n2. Delete old WAL archives.\n').replace('2. Check', '3. Check');
    const diff = diffRunbookText(before, after);
    if (diff.kind !== 'changed') throw new Error(`expected a change, got ${diff.kind}`);
    expect([diff.added, diff.removed]).toEqual([2, 1]);
    expect(diff.hunks).toHaveLength(1);
    const lines = diff.hunks[0]!.lines;
    expect(lines.filter((l) => l.kind === 'added').map((l) => [l.newLine, l.text])).toEqual([
      [6, '2. Delete old WAL archives.'],
      [7, '3. Check with `df -h`.'],
    ]);
    expect(lines.filter((l) => l.kind === 'removed').map((l) => [l.oldLine, l.text])).toEqual([[6, '2. Check with `df -h`.']]);
    // Two unchanged lines of context before and after, no more.
    expect(lines[0]).toEqual({ kind: 'same', text: '', oldLine: 4, newLine: 4 });
    expect(lines.at(-1)).toEqual({ kind: 'same', text: '## Escalate', oldLine: 8, newLine: 9 });
  });

  it('keeps changes far apart in separate hunks', () => {
    const after = before.replace('# Disk pressure', '# Disk pressure (Postgres)').replace('Page the DBA.', 'Page the DBA on call.');
    const diff = diffRunbookText(before, after);
    expect(diff.kind === 'changed' && diff.hunks.length).toBe(2);
  });

  it('gives up line by line on a complete rewrite beyond the work allowed, and says how big both are', () => {
    const a = Array.from({ length: 300 }, (_, i) => `line a${i}`).join('\n');
    const b = Array.from({ length: 200 }, (_, i) => `line b${i}`).join('\n');
    expect(diffRunbookText(a, b, { maxEditLength: 50 })).toEqual({ kind: 'too-different', oldLines: 300, newLines: 200 });
  });
});
