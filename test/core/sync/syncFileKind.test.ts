import { describe, expect, it } from 'vitest';
import { assetMimeType, syncFileKind } from '../../../core/sync/syncFileKind';

describe('syncFileKind', () => {
  it('reads Markdown as runbooks except under hidden folders, whose images are still kept', () => {
    expect(syncFileKind('docs/guide.md')).toBe('markdown');
    expect(syncFileKind('.obsidian/templates/incident.md')).toBeUndefined();
    expect(syncFileKind('.github/PULL_REQUEST_TEMPLATE.md')).toBeUndefined();
    expect(syncFileKind('.gitbook/assets/diagram.png')).toBe('image');
    expect(syncFileKind('docs/app.ts')).toBeUndefined();
  });

  it('keeps plain-text files runbooks link to (scripts, configuration, logs), but not source code or hidden folders', () => {
    expect(syncFileKind('docs/notes.txt')).toBe('text');
    expect(syncFileKind('scripts/rotate.sh')).toBe('text');
    expect(syncFileKind('deploy/values.YAML')).toBe('text');
    expect(syncFileKind('.github/workflows/ci.yml')).toBeUndefined();
    expect(syncFileKind('src/main.py')).toBeUndefined();
    expect(assetMimeType('scripts/rotate.sh')).toBe('text/plain; charset=utf-8');
    expect(assetMimeType('img/a.png')).toBe('image/png');
  });
});
