import type { SourceSettings } from '../../core/desktop/ipcContract';
import type { SourceRecord } from '../../core/model';
import { normaliseSubdir } from '../../core/sync/checkSourceSettings';

/** What the desktop main process keeps of a Git source (`source:save`): where it syncs from, nothing else. */
export function sourceSettingsOf(source: Pick<SourceRecord, 'id' | 'location' | 'branch' | 'subdir'>): SourceSettings {
  const subdir = normaliseSubdir(source.subdir);
  return {
    sourceId: source.id,
    url: source.location ?? '',
    ...(source.branch ? { branch: source.branch } : {}),
    ...(subdir ? { subdir } : {}),
  };
}
