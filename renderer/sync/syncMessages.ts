import * as v from 'valibot';
import type { OfflineCopySaveOutcome } from '../../core/offlineCopy/offlineCopyInHost';
import type { BundleSourceMatch } from '../../core/offlineCopy/matchBundleSource';
import type { OfflineCopyImportOutcome, OfflineCopyImportRequest } from '../../core/offlineCopy/runOfflineCopyImport';
import { gitSyncOutcomeSchema, sourceIdSchema, sourceTokenSchema, syncProgressSchema } from '../../core/sync/syncSchemas';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * What the page asks the sync worker, one schema per message (the worker checks each against it). The
 * token travels only in the `sync` message, never in a URL.
 * - `sync`: sync one source; answered with `progress` messages and one `done`.
 * - `cancel`: stop that source's running sync (its `done` then says `cancelled`); nothing when none runs.
 * - `delete-store`: the source was removed: stop its sync and delete its object store; answered with `store-deleted`.
 * - `prune-stores`: delete the object stores of every source but these (and those syncing); answered with `stores-pruned`.
 */
export const syncWorkerRequestSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('sync'),
    sourceId: sourceIdSchema,
    token: v.optional(sourceTokenSchema),
    corsProxy: v.optional(v.string()),
    /** The person trusted `corsProxy` with the token. */
    corsProxyTrusted: v.optional(v.boolean()),
  }),
  v.strictObject({ type: v.literal('cancel'), sourceId: sourceIdSchema }),
  v.strictObject({ type: v.literal('delete-store'), sourceId: sourceIdSchema }),
  v.strictObject({ type: v.literal('prune-stores'), keepSourceIds: v.array(sourceIdSchema) }),
  // Offline copies (import a bundle or zip; save a bundle of the source's commit); their payloads are checked by the import itself.
  v.strictObject({
    type: v.literal('import-offline-copy'),
    request: v.custom<OfflineCopyImportRequest>(isObject, 'must be an import request'),
  }),
  // Which Git source a picked bundle updates: read only, in scratch space; answered with `offline-copy-inspected`.
  v.strictObject({
    type: v.literal('inspect-offline-copy'),
    inspectId: v.string(),
    bytes: v.instance(Uint8Array),
    sources: v.array(v.object({ id: sourceIdSchema, version: v.optional(v.string()) })),
  }),
  v.strictObject({
    type: v.literal('save-offline-copy'),
    source: v.object({ id: sourceIdSchema, name: v.string(), version: v.optional(v.string()), branch: v.optional(v.string()) }),
    // As for a sync: the missing history is fetched before saving, with the same token and proxy rules.
    token: v.optional(sourceTokenSchema),
    corsProxy: v.optional(v.string()),
    corsProxyTrusted: v.optional(v.boolean()),
  }),
]);

/**
 * What the worker answers, checked by the page. `refused`: a message the worker could not take (it did not
 * fit its schema), with the reason naming the field; nothing was done.
 */
export const syncWorkerReplySchema = v.variant('type', [
  v.strictObject({ type: v.literal('progress'), sourceId: v.string(), progress: syncProgressSchema }),
  v.strictObject({ type: v.literal('done'), sourceId: v.string(), outcome: gitSyncOutcomeSchema }),
  v.strictObject({ type: v.literal('store-deleted'), sourceId: v.string(), deleted: v.boolean(), reason: v.optional(v.string()) }),
  v.strictObject({ type: v.literal('stores-pruned'), removed: v.number(), failed: v.number() }),
  v.strictObject({ type: v.literal('refused'), reason: v.string() }),
  v.strictObject({
    type: v.literal('offline-copy-imported'),
    sourceId: v.string(),
    outcome: v.custom<OfflineCopyImportOutcome>(isObject, 'must be an import outcome'),
  }),
  v.strictObject({
    type: v.literal('offline-copy-inspected'),
    inspectId: v.string(),
    match: v.optional(v.custom<BundleSourceMatch>(isObject, 'must be a source match')),
  }),
  v.strictObject({
    type: v.literal('offline-copy-saved'),
    sourceId: v.string(),
    outcome: v.custom<OfflineCopySaveOutcome>(isObject, 'must be a save outcome'),
  }),
]);

export type SyncWorkerRequest = v.InferOutput<typeof syncWorkerRequestSchema>;
export type SyncWorkerReply = v.InferOutput<typeof syncWorkerReplySchema>;
export type OfflineCopyWorkerRequest = Extract<
  SyncWorkerRequest,
  { type: 'import-offline-copy' | 'inspect-offline-copy' | 'save-offline-copy' }
>;
export type OfflineCopyWorkerReply = Extract<
  SyncWorkerReply,
  { type: 'offline-copy-imported' | 'offline-copy-inspected' | 'offline-copy-saved' }
>;

/** Name of the worker's LightningFS, which is also the name of the IndexedDB database it lives in. */
export const WORKER_FS_NAME = 'runbook-reader-git';
