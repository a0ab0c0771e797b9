import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExaminedFile } from '../../core/check/examineRunbookFile';
// The cache lives in the reader's node_modules/.cache, never in the runbook repository.
import { READER_ROOT } from '../readerRoot';

/** The code whose behaviour decides what an examined file holds; any change to it empties the cache. */
const CHECKER_SOURCES = [
  'core/model.ts',
  'core/ingest',
  'core/markdown',
  'core/links',
  'core/contacts',
  'core/check',
  'core/incident',
  'package-lock.json',
];

interface CacheFile {
  fingerprint: string;
  entries: Record<string, { oid: string; examined: ExaminedFile }>;
}

/**
 * What `check --cache` remembers between runs: each file's examination, keyed by its path and Git blob id.
 * Parsing Markdown is nearly all of a check's time, so an unchanged file is never parsed twice.
 */
export class ExaminationCache {
  private readonly next: CacheFile['entries'] = {};

  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    private readonly previous: CacheFile['entries'],
  ) {}

  /** The cache for the tree at `root` (absolute); an unreadable or outdated cache starts empty. */
  static open(root: string): ExaminationCache {
    const file = cacheFileFor(root);
    const fingerprint = checkerFingerprint();
    let previous: CacheFile['entries'] = {};
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (stored.fingerprint === fingerprint && stored.entries && typeof stored.entries === 'object') previous = stored.entries;
    } catch {
      // No cache yet, or one from an interrupted write: start afresh.
    }
    return new ExaminationCache(file, fingerprint, previous);
  }

  get(path: string, oid: string): ExaminedFile | undefined {
    const entry = this.previous[path];
    return entry && entry.oid === oid ? entry.examined : undefined;
  }

  /** Records a file of this run; files not recorded (deleted since) are dropped when saving. */
  set(path: string, oid: string, examined: ExaminedFile): void {
    this.next[path] = { oid, examined };
  }

  /** Best effort: a cache that cannot be written only makes the next run slower. */
  save(): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ fingerprint: this.fingerprint, entries: this.next } satisfies CacheFile));
      renameSync(temporary, this.file);
    } catch {
      // Read-only install or full disk: the check itself is unaffected.
    }
  }
}

/** Where the cache for the tree at `root` (absolute, symlinks resolved) is kept. */
export function cacheFileFor(root: string): string {
  return join(READER_ROOT, 'node_modules', '.cache', 'runbook-reader', `check-${sha1(root).slice(0, 16)}.json`);
}

function checkerFingerprint(): string {
  const hash = createHash('sha1');
  const add = (relative: string) => {
    const full = join(READER_ROOT, relative);
    let entries: string[] | undefined;
    try {
      entries = readdirSync(full).sort();
    } catch {
      try {
        hash.update(relative).update(readFileSync(full));
      } catch {
        // A missing file simply contributes nothing.
      }
      return;
    }
    for (const name of entries) add(`${relative}/${name}`);
  };
  for (const source of CHECKER_SOURCES) add(source);
  return hash.digest('hex');
}

function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}
