import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { RunbookBody, RunbookMeta, SkippedFile, SourceRecord } from '../model';

/** A runbook's metadata as cached, plus what the last sync did to it. */
export interface CachedRunbook extends RunbookMeta {
  /** Set when a sync added or changed the runbook; cleared when the user opens it. */
  changeMark?: 'added' | 'updated';
  /** ISO time the cached copy was written. */
  cachedAt: string;
}

/** Key of every per-runbook row: runbooks are identified by source and path from day one. */
export type RunbookKey = [sourceId: string, path: string];

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Generic row for user-owned tables whose shape their own feature module defines. */
export interface UserRecord {
  [field: string]: unknown;
}

export const DATABASE_NAME = 'runbook-reader';

/**
 * The IndexedDB cache. Sources' content (runbooks, bodies, skipped) is replaced only by `applyChangeSet`;
 * user data (bookmarks, checklists, history, settings) lives in its own tables that no sync deletes from.
 */
export class RunbookDatabase extends Dexie {
  sources!: Table<SourceRecord, string>;
  runbooks!: Table<CachedRunbook, RunbookKey>;
  bodies!: Table<RunbookBody, RunbookKey>;
  skipped!: Table<SkippedFile, RunbookKey>;
  bookmarks!: Table<UserRecord, string>;
  checklists!: Table<UserRecord, RunbookKey>;
  history!: Table<UserRecord, number>;
  settings!: Table<SettingRecord, string>;

  constructor(name = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      sources: 'id',
      runbooks: '[sourceId+path], sourceId, oid',
      bodies: '[sourceId+path], sourceId',
      skipped: '[sourceId+path], sourceId',
      bookmarks: 'id, [sourceId+path]',
      checklists: '[sourceId+path]',
      history: '++id, openedAt, [sourceId+path]',
      settings: 'key',
    });
  }
}
