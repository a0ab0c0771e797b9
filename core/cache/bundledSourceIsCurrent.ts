import { INGEST_VERSION } from '../ingest/ingestVersion';
import { BUNDLED_SOURCE_ID, type SourceRecord } from '../model';
import type { RunbookDatabase } from './runbookDatabase';

// Apart from seedBundledSource: every start asks this, and only a start that must seed loads ingest.

/** Whether the cache already holds bundle `version` as this app's ingest reads it (then there is nothing to load). */
export async function bundledSourceIsCurrent(db: RunbookDatabase, version: string): Promise<boolean> {
  return holdsBundle(await db.sources.get(BUNDLED_SOURCE_ID), version);
}

export function holdsBundle(source: SourceRecord | undefined, version: string): boolean {
  return source?.version === version && source.ingestVersion === INGEST_VERSION;
}
