/**
 * The shapes every layer agrees on: what ingest produces, what the cache stores,
 * what a sync hands to the cache. Platform-free: no DOM, no Node, no Electron.
 */
import type { AlertMapping } from './incident/alertMapping';
import type { RunbookVariable } from './incident/runbookVariable';
import type { Contact } from './contacts/contactModel';

/** A source of runbooks. `bundled` ships inside the app; `git` and `folder` are added by the user. */
export type SourceKind = 'bundled' | 'git' | 'folder';

export const BUNDLED_SOURCE_ID = 'bundled';

export interface Heading {
  depth: number;
  text: string;
  /** GitHub-compatible anchor id, unique within the runbook. */
  id: string;
  /** 1-based line in the original file. */
  line: number;
}

/** Where a link in a runbook points, decided by `resolveRunbookLink`. */
export type LinkTarget =
  | { kind: 'runbook'; path: string; anchor?: string }
  | { kind: 'anchor'; anchor: string }
  /** A non-Markdown file in the same source (an image, a PDF). */
  | { kind: 'asset'; path: string }
  | { kind: 'external'; url: string; scheme: string }
  /** A file of the repository outside the folder the source syncs (`repoPath` is from the repository root). */
  | { kind: 'outside'; repoPath: string }
  | { kind: 'blocked'; reason: string };

export interface RunbookLink {
  href: string;
  text: string;
  line: number;
  target: LinkTarget;
  /** True for images (`![alt](src)`). */
  image: boolean;
}

export type WarningCode =
  | 'front-matter-invalid'
  | 'front-matter-unclosed'
  | 'front-matter-not-object'
  | 'field-invalid'
  | 'empty-file'
  | 'no-front-matter'
  /** Ingest kept the file as plain text without structure (too much work, or its record was not plain data). */
  | 'shown-as-plain-text';

export interface IngestWarning {
  code: WarningCode;
  message: string;
  /** 1-based line in the original file, when it applies. */
  line?: number | undefined;
}

export type RunbookStatus = string;

/** Everything ingest knows about one runbook, except its body text. */
export interface RunbookMeta {
  sourceId: string;
  /**
   * Path inside the source, with forward slashes and no leading `./` or `/`.
   * A link that leaves the source resolves to a path starting with `../`, which never exists in the cache.
   */
  path: string;
  /** Git blob id of the file's bytes (sha1 of `blob <len>\0<bytes>`). */
  oid: string;
  title: string;
  titleFrom: 'front-matter' | 'heading' | 'file-name';
  summary?: string;
  tags: string[];
  area?: string;
  status?: RunbookStatus;
  owner?: string;
  version?: string;
  /** `YYYY-MM-DD` when it could be read. */
  lastReviewed?: string;
  aliases: string[];
  /** Front-matter keys outside the known schema, kept as they were. */
  extra: Record<string, unknown>;
  headings: Heading[];
  links: RunbookLink[];
  warnings: IngestWarning[];
  /**
   * Emergency contacts found in the runbook's contact sections and front matter, extracted once at
   * ingest (chat links are completed at display time from the user's workspace setting).
   */
  contacts?: Contact[];
  /** Alerts this runbook answers, from front matter `alerts:` (absent when none). */
  alerts?: AlertMapping[];
  /** Placeholders declared in front matter `variables:` (absent when none). */
  variables?: RunbookVariable[];
  /** Size of the file in bytes. */
  size: number;
}

/** The Markdown body (front matter removed) and where it starts in the file. */
export interface RunbookBody {
  sourceId: string;
  path: string;
  markdown: string;
  /** 1-based line of the file at which `markdown` starts. */
  bodyLine: number;
  /**
   * The steps a reader can tick off, read once at ingest so the page never parses the body for them. Absent
   * in bodies cached by an app older than ingest version 8 (the page then reads them itself).
   */
  steps?: ChecklistStep[] | undefined;
}

export type SkipReason = 'binary' | 'not-utf8' | 'too-large' | 'not-markdown';

export interface SkippedFile {
  sourceId: string;
  path: string;
  oid: string;
  reason: SkipReason;
  message: string;
}

export type IngestResult = { kind: 'runbook'; meta: RunbookMeta; body: RunbookBody } | { kind: 'skipped'; skipped: SkippedFile };

/** One file as a source hands it to ingest. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
  /** Blob id when the source already knows it (Git); computed otherwise. */
  oid?: string;
}

/**
 * What one sync (or the bundled seed) changes in the cache. Applied in one transaction
 * by `applyChangeSet`; paths not named stay exactly as they are.
 */
export interface ChangeSet {
  sourceId: string;
  /** The version the source is at after this change set (commit id, or bundle hash). */
  version: string;
  /** Ingested files that are new or changed (including rename targets). */
  upserts: IngestResult[];
  /** Paths that disappeared from the source. */
  removed: string[];
  /** Paths that moved with the same content; the `to` side is also in `upserts` (or in `assets` for images). */
  renamed: { from: string; to: string }[];
  /** Images that are new or changed (including rename targets); removed ones are listed in `removed`. */
  assets?: SourceAsset[];
  /** Git sources: how the commit `version` is signed, as checked against the source's pinned keys. */
  signature?: CommitSignatureMark | undefined;
}

/**
 * How a source's commit is signed, shown beside its provenance: `signed` (verified against one of the
 * source's pinned SSH keys; `signer` is that key's comment or principal, else its fingerprint), `unsigned`,
 * or `not-checked` (signed, but the source pins no keys to check it against).
 */
export type CommitSignatureMark =
  | { status: 'signed'; commit: string; signer: string; fingerprint: string }
  | { status: 'unsigned'; commit: string }
  | { status: 'not-checked'; commit: string };

/** An image a runbook can show, stored with the runbooks so it is there offline too. */
export interface SourceAsset {
  /** Path inside the source, like a runbook's. */
  path: string;
  /** Git blob id of the bytes. */
  oid: string;
  /** `image/png`, `image/svg+xml` … */
  mime: string;
  bytes: Uint8Array;
}

export interface SourceRecord {
  id: string;
  kind: SourceKind;
  name: string;
  /** Git URL or folder path; absent for the bundled set. */
  location?: string;
  // `| undefined` here and below: a Dexie update with the key set to undefined removes the field.
  branch?: string | undefined;
  subdir?: string | undefined;
  hidden?: boolean;
  /** ISO region (`GB`) for national phone numbers in runbooks that set no `region:` of their own. */
  region?: string | undefined;
  /** Version (commit or bundle hash) the cache holds for this source. */
  version?: string;
  /** `INGEST_VERSION` of the app that wrote this source's rows; a different one means re-read them. */
  ingestVersion?: number | undefined;
  lastSyncAt?: string;
  lastError?: { at: string; message: string; code: string } | undefined;
  lastChange?: { added: number; updated: number; removed: number; at: string };
  /** Set when the cache's copy came from an offline copy (a file) rather than a sync; shown while `version` is still its version. */
  importedFrom?: OfflineCopyProvenance | undefined;
  /**
   * Git sources: OpenSSH public keys (one a line, or allowed_signers lines) the source's commits are checked
   * against; a commit signed by another key, or whose signature does not verify, is refused, and an unsigned
   * one is marked unsigned. Empty or absent: commits are not checked.
   */
  pinnedSigningKeys?: string | undefined;
  /** With pinned keys: refuse unsigned commits (by default they are applied and marked unsigned). */
  requireSignedCommits?: boolean | undefined;
  /** How the commit the cache holds (`version`) is signed; written with it by `applyChangeSet`. */
  signature?: CommitSignatureMark | undefined;
}

/** Where an imported copy came from: "Imported from runbooks.bundle on 4 Dec, commit 1a2b3c4, committed 3 Dec 09:12". */
export interface OfflineCopyProvenance {
  kind: 'bundle' | 'zip';
  /** The file's name as the person picked it (never a path). */
  fileName: string;
  /** ISO 8601. */
  importedAt: string;
  /** The source version the import wrote (`SourceRecord.version`): a commit, or `zip-…`. */
  version: string;
  /** Bundle only: the commit and when it was committed (ISO 8601). */
  commit?: string | undefined;
  committedAt?: string | undefined;
  branch?: string | undefined;
}

/** One step of a runbook checklist, worked out at ingest (`core/userdata/checklistSteps.ts`). */
export interface ChecklistStep {
  /**
   * Identifies the step across syncs: its section's anchor plus its normalised text, so progress on a
   * step survives upstream edits elsewhere in the runbook.
   */
  key: string;
  /** 1-based line in the Markdown body. */
  line: number;
  text: string;
  /** Anchor of the section the step is in (`''` before the first heading). */
  section: string;
  /** 0-based position among the steps of its section: finds a reworded step again after a sync. */
  ordinal: number;
}
