import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import type { IngestResult, SourceRecord } from '../../../core/model';
import type { Bookmark } from '../../../core/userdata/bookmarks';

let opened = 0;

/** A fresh, empty cache in fake-indexeddb, with a name no other test uses. */
export function openTestDatabase(): RunbookDatabase {
  opened++;
  return new RunbookDatabase(`runbook-reader-test-${opened}`, { indexedDB, IDBKeyRange });
}

/** Every row of every table, keyed by table name: two equal dumps mean an unchanged cache. */
export async function dumpDatabase(db: RunbookDatabase): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

export function gitSource(id: string, fields: Partial<SourceRecord> = {}): SourceRecord {
  return { id, kind: 'git', name: `Source ${id}`, location: `https://git.example.com/${id}.git`, ...fields };
}

/** A real ingest result for Markdown text, so cache tests store what ingest actually produces. */
export function ingested(sourceId: string, path: string, text: string): IngestResult {
  return ingestRunbook(sourceId, { path, bytes: new TextEncoder().encode(text) });
}

/** A real skip: Latin-1 bytes that are not UTF-8. */
export function ingestedNotUtf8(sourceId: string, path: string): IngestResult {
  return ingestRunbook(sourceId, { path, bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) });
}

export function bookmarkOf(sourceId: string, path: string, fields: Partial<Bookmark> = {}): Bookmark {
  return {
    id: `${sourceId}|${path}#`,
    sourceId,
    path,
    label: path,
    pinned: false,
    order: 1,
    createdAt: '2026-02-01T00:00:00.000Z',
    ...fields,
  };
}
