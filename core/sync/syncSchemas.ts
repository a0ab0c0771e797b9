/**
 * valibot schemas of the sync's plain data as it crosses a message boundary (the desktop IPC, the browser's
 * sync worker): source ids, progress, errors, outcomes. The message schemas of each boundary are built
 * from these (`core/desktop/ipcSchemas.ts`, `renderer/sync/syncMessages.ts`).
 */
import * as v from 'valibot';
import type { AppliedChangeSummary } from '../cache/applyChangeSet';
import type { SyncErrorCode } from './syncError';
import type { GitSyncStats, SyncPhase } from './syncGitSource';

const MAX_SOURCE_ID_LENGTH = 200;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** A `Record` so the compiler flags a code added to `SyncErrorCode` but not here. */
const SYNC_ERROR_CODES: Record<SyncErrorCode, true> = {
  offline: true,
  'host-not-found': true,
  'auth-failed': true,
  'repo-not-found': true,
  'branch-not-found': true,
  'subdir-missing': true,
  'connection-cut': true,
  'timed-out': true,
  'storage-full': true,
  'already-running': true,
  cancelled: true,
  'invalid-source': true,
  'signature-refused': true,
  unknown: true,
};
const SYNC_PHASES: Record<SyncPhase, true> = { connecting: true, fetching: true, reading: true, parsing: true, done: true };
const keysOf = <K extends string>(record: Record<K, true>) => Object.keys(record) as [K, ...K[]];

export const sourceIdSchema = v.pipe(
  v.string('must be a source id'),
  v.check(
    (id) => id.length > 0 && id.length <= MAX_SOURCE_ID_LENGTH && !CONTROL_CHARACTER.test(id),
    `must be a valid source id (1 to ${MAX_SOURCE_ID_LENGTH} characters, no control characters)`,
  ),
);

export const syncProgressSchema = v.object({
  phase: v.picklist(keysOf(SYNC_PHASES)),
  percent: v.optional(v.number()),
});

/** A code this page does not know reads as `unknown`, with the sender's message: the one field read leniently, since its message says it all. */
export const syncErrorSchema = v.object({ code: v.fallback(v.picklist(keysOf(SYNC_ERROR_CODES)), 'unknown'), message: v.string() });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Built by the same core code on the other side; checked for its outline here, and typed by the engine's
 * own interface (the statistics are shown, never acted on).
 */
export const syncStatsSchema = v.custom<GitSyncStats>(
  (value) => isObject(value) && typeof value.commit === 'string' && isObject(value.counts) && Array.isArray(value.skipped),
  'must be sync statistics',
);

const count = v.pipe(v.number(), v.integer());
export const appliedChangeSummarySchema = v.object({
  added: count,
  updated: count,
  removed: count,
  renamed: count,
  skipped: count,
}) satisfies v.GenericSchema<AppliedChangeSummary>;

/** What a sync of the page's cache came to (`runGitSync`'s outcome). */
export const gitSyncOutcomeSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), stats: syncStatsSchema, applied: appliedChangeSummarySchema, at: v.string() }),
  v.object({ ok: v.literal(false), error: syncErrorSchema }),
]);

/** An access token and the origin it was saved for (`SourceToken`). */
export const sourceTokenSchema = v.strictObject({ value: v.string(), origin: v.string() });
