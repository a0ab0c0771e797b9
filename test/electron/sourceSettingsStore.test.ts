import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSourceSettingsStore, sourceSettingsFilePath } from '../../electron/sourceSettingsStore';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function store() {
  const folder = mkdtempSync(path.join(tmpdir(), 'source-settings-'));
  folders.push(folder);
  const file = sourceSettingsFilePath(folder);
  return { settings: createSourceSettingsStore(file), file };
}

describe('the main process’s source settings', () => {
  it('keeps address, branch and sub-folder per source, and writes no field that is not set', async () => {
    const { settings, file } = store();
    await settings.save({ sourceId: 'ops', url: 'https://git.example.com/ops.git', branch: 'main', subdir: 'docs' });
    await settings.save({ sourceId: 'team', url: 'https://git.example.com/team.git', branch: undefined, subdir: undefined });
    expect(await settings.get('ops')).toEqual({ sourceId: 'ops', url: 'https://git.example.com/ops.git', branch: 'main', subdir: 'docs' });
    expect(await settings.get('team')).toEqual({ sourceId: 'team', url: 'https://git.example.com/team.git' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      ops: { url: 'https://git.example.com/ops.git', branch: 'main', subdir: 'docs' },
      team: { url: 'https://git.example.com/team.git' },
    });
  });

  it('keeps a source’s pinned signing keys and whether it refuses unsigned commits, which its syncs check', async () => {
    const { settings } = store();
    const pinned = {
      pinnedSigningKeys: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICoOxCbT/rL5Xj7QrHU16ixwAibOjlfCBAXWrIua9VRl alice',
      requireSignedCommits: true,
    };
    await settings.save({ sourceId: 'ops', url: 'https://git.example.com/ops.git', ...pinned });
    expect(await settings.get('ops')).toEqual({ sourceId: 'ops', url: 'https://git.example.com/ops.git', ...pinned });
  });

  it('forgets a deleted source, and knows nothing of one never saved', async () => {
    const { settings } = store();
    await settings.save({ sourceId: 'ops', url: 'https://git.example.com/ops.git' });
    await settings.delete('ops');
    expect(await settings.get('ops')).toBeUndefined();
    expect(await settings.get('__proto__')).toBeUndefined();
  });
});
