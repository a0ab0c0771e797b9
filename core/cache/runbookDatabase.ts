import type { Incident, IncidentEvent } from '../incident/incidentModel';
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { RunbookBody, RunbookMeta, SkippedFile, SourceAsset, SourceRecord } from '../model';
import type { SerializedSearchIndex } from '../search/storedSearchIndex';
import { toContactListRow, type ContactListRow } from './contactList';
import { toLibraryEntry, type LibraryEntry } from './libraryEntry';
import { runbookMirrors } from './runbookMirrors';
import { DATABASE_NAME } from './databaseName';

/** A runbook's metadata as cached, plus what the last sync did to it. */
/**
 * A runbook as the cache keeps it: what ingest found but its links (`check` reads links from ingest, nothing
 * reads them back from the cache, and 40,000 of them cost the page 100–300 ms to read with the runbook).
 */
export interface CachedRunbook extends Omit<RunbookMeta, 'links'> {
  /** Set when a sync added or changed the runbook; cleared when the user opens it. */
  changeMark?: 'added' | 'updated' | undefined;
  /** Set when the source no longer has this runbook but a bookmark keeps its last synced copy readable. */
  removedFromSource?: string;
  /** ISO time the cached copy was written. */
  cachedAt: string;
  /**
   * Set on every row as stored from schema version 9 on: the runbook's contacts are kept in `contactLists`
   * only (see `runbookMirrors`), so a row read back has no `contacts` although the runbook may have some.
   */
  contactsApart?: true;
}

/** An image of a source as cached (schema version 2). */
export interface CachedAsset extends SourceAsset {
  sourceId: string;
}

/** Key of every per-runbook row: runbooks are identified by source and path from day one. */
export type RunbookKey = [sourceId: string, path: string];

/** A bookmark belongs to the user: it names a runbook (or one of its sections) by source and path. */
export interface Bookmark {
  /** `sourceId|path#anchor`, so the same place is never bookmarked twice (also across imports). */
  id: string;
  sourceId: string;
  path: string;
  anchor?: string;
  label: string;
  pinned: boolean;
  /** Position in the user's order; lower first. */
  order: number;
  createdAt: string;
}

/** What a ticked step said when it was ticked, so a tick outlives an upstream rewording of its step. */
export interface TickedStep {
  key: string;
  text: string;
  /** Anchor of the step's section. */
  section: string;
  /** Position among the steps of its section. */
  ordinal: number;
}

/** Which steps of one runbook are ticked; kept until the user resets it, whatever a sync does. */
export interface ChecklistProgress {
  sourceId: string;
  path: string;
  done: string[];
  /** Details of the ticks in `done` (version 4; older ticks have none). */
  ticked?: TickedStep[] | undefined;
  updatedAt: string;
}

/** One version of a runbook's text as the reader saw it. */
export interface ReadVersion {
  /** Blob id of the file. */
  oid: string;
  /** The source's version (commit) when this text was cached, when known. */
  commit?: string | undefined;
  /** When this version was cached (synced). */
  cachedAt: string;
  markdown: string;
}

/**
 * The version of a runbook the reader last opened, and the one before it, kept locally (never fetched) so
 * "What changed" can show the lines a sync added and removed since the reader last read it.
 */
export interface ReadCopy {
  sourceId: string;
  path: string;
  /** The version last shown. */
  current: ReadVersion;
  /** The version read before `current`, kept while `current` is the newest one read. */
  previous?: ReadVersion | undefined;
  readAt: string;
}

/** One successful sync of a source, for its history on the Sources page. */
export interface SyncHistoryEntry {
  id?: number;
  sourceId: string;
  at: string;
  /** Version (commit or bundle hash) the sync brought the source to. */
  version: string;
  added: number;
  updated: number;
  removed: number;
  renamed: number;
  skipped: number;
}

/** One entry of "recently opened". */
export interface HistoryEntry {
  id?: number;
  sourceId: string;
  path: string;
  title: string;
  openedAt: string;
}

/** The persisted search index and the source versions it reflects. */
export interface StoredSearchIndex {
  id: string;
  /** Source id → version (commit or bundle hash) of the cache the index was brought up to date with. */
  sourceVersions: Record<string, string>;
  savedAt: string;
  index: SerializedSearchIndex;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export { DATABASE_NAME };

/**
 * The IndexedDB cache. Sources' content (runbooks, bodies, skipped) is replaced only by `applyChangeSet`;
 * user data (bookmarks, checklists, history, settings) lives in its own tables that no sync deletes from.
 */
export class RunbookDatabase extends Dexie {
  sources!: Table<SourceRecord, string>;
  runbooks!: Table<CachedRunbook, RunbookKey>;
  bodies!: Table<RunbookBody, RunbookKey>;
  skipped!: Table<SkippedFile, RunbookKey>;
  bookmarks!: Table<Bookmark, string>;
  checklists!: Table<ChecklistProgress, RunbookKey>;
  history!: Table<HistoryEntry, number>;
  settings!: Table<SettingRecord, string>;
  assets!: Table<CachedAsset, RunbookKey>;
  searchIndex!: Table<StoredSearchIndex, string>;
  readCopies!: Table<ReadCopy, RunbookKey>;
  syncHistory!: Table<SyncHistoryEntry, number>;
  /** A light copy of `runbooks` for the library, kept in step by `runbookMirrors`; never written directly. */
  library!: Table<LibraryEntry, RunbookKey>;
  /** Each runbook's contacts, packed for the contacts panel, kept in step by `runbookMirrors`; never written directly. */
  contactLists!: Table<ContactListRow, RunbookKey>;
  incidents!: Table<Incident, string>;
  incidentEvents!: Table<IncidentEvent, number>;

  constructor(name = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      sources: 'id',
      runbooks: '[sourceId+path], sourceId, oid',
      bodies: '[sourceId+path], sourceId',
      skipped: '[sourceId+path], sourceId',
      bookmarks: 'id, [sourceId+path], order',
      checklists: '[sourceId+path]',
      history: '++id, openedAt, [sourceId+path]',
      settings: 'key',
    });
    // Version 2 adds the images synced with the runbooks; every v1 table is unchanged (keep them in step:
    // Dexie takes the latest version's list as the schema).
    this.version(2).stores({
      sources: 'id',
      runbooks: '[sourceId+path], sourceId, oid',
      bodies: '[sourceId+path], sourceId',
      skipped: '[sourceId+path], sourceId',
      bookmarks: 'id, [sourceId+path], order',
      checklists: '[sourceId+path]',
      history: '++id, openedAt, [sourceId+path]',
      settings: 'key',
      assets: '[sourceId+path], sourceId',
    });
    // Version 3 adds the persisted search index (one row per index); Dexie carries the other tables over.
    this.version(3).stores({ searchIndex: 'id' });
    // Version 4 keeps the text last read per runbook ("What changed") and each source's recent syncs.
    this.version(4).stores({ readCopies: '[sourceId+path], sourceId', syncHistory: '++id, sourceId, [sourceId+at]' });
    // Version 5 adds the library's light copy of every runbook (title, summary, status, marks), filled once
    // from the cached runbooks here and kept in step with them by the middleware from then on.
    this.version(5)
      .stores({ library: '[sourceId+path], sourceId' })
      .upgrade(async (tx) => {
        const runbooks = (await tx.table('runbooks').toArray()) as CachedRunbook[];
        await tx.table('library').bulkPut(runbooks.map(toLibraryEntry));
      });
    // Version 6 adds incidents (name, severity, this incident's placeholder values) and their timelines.
    this.version(6).stores({ incidents: 'id, state, startedAt', incidentEvents: '++id, incidentId, [incidentId+at]' });
    // Version 7 indexes the alerts each runbook answers (`alertKeys`, one index entry per alert) in the light
    // library table, so `#/alert/<name>` reads only the runbooks that map the alert; filled once here.
    this.version(7)
      .stores({ library: '[sourceId+path], sourceId, *alertKeys' })
      .upgrade(async (tx) => {
        const runbooks = (await tx.table('runbooks').toArray()) as CachedRunbook[];
        await tx.table('library').bulkPut(runbooks.map(toLibraryEntry));
      });
    // Version 8 keeps each runbook's contacts packed in a table of their own, so that the contacts panel reads
    // only contacts, and reads 30,000 of them in a fraction of the time; filled once here.
    this.version(8)
      .stores({ contactLists: '[sourceId+path], sourceId' })
      .upgrade(async (tx) => {
        const runbooks = (await tx.table('runbooks').toArray()) as CachedRunbook[];
        await tx.table('contactLists').bulkPut(runbooks.map(toContactListRow).filter((row) => row.contacts !== undefined));
      });
    // Version 9 stores runbook rows without their links (never read back) and without their contacts, which
    // `contactLists` already holds (the mirror middleware leaves them out of each row it writes); rewritten once here.
    this.version(9)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('runbooks')
          .toCollection()
          .modify((runbook: CachedRunbook & { links?: unknown }) => {
            delete runbook.links;
            runbook.contactsApart = true;
          }),
      );
    this.use(runbookMirrors);
  }
}
