import { describe, expect, it } from 'vitest';
import { syncFileKind } from '../../../core/sync/syncFileKind';

describe('syncFileKind', () => {
  it('reads Markdown as runbooks except under hidden folders, whose images are still kept', () => {
    expect(syncFileKind('docs/guide.md')).toBe('markdown');
    expect(syncFileKind('.obsidian/templates/incident.md')).toBeUndefined();
    expect(syncFileKind('.github/PULL_REQUEST_TEMPLATE.md')).toBeUndefined();
    expect(syncFileKind('.gitbook/assets/diagram.png')).toBe('image');
    expect(syncFileKind('docs/notes.txt')).toBeUndefined();
  });
});
