/**
 * One valibot schema per IPC message: the request of every invoke channel (checked by the main process),
 * its response (checked by the preload bridge) and every event payload. The contract's types are inferred
 * from these (`core/desktop/ipcContract.ts`), so a field added to a message is validated where it arrives.
 *
 * The sender is the app's own page, but that page renders untrusted runbooks, so its requests are checked
 * like any input. Refusals name the field and never quote the value (a token must not reach a log).
 */
import * as v from 'valibot';
import type { ChangeSet } from '../model';
import { checkRepositoryUrl, normaliseSubdir } from '../sync/checkSourceSettings';
import { MAX_PINNED_KEYS_TEXT_LENGTH, parsePinnedSigningKeys } from '../sync/pinnedSigningKeys';
import { SyncError } from '../sync/syncError';
import { sourceIdSchema, syncErrorSchema, syncProgressSchema, syncStatsSchema } from '../sync/syncSchemas';

const MAX_URL_LENGTH = 8192;
const MAX_SUGGESTED_NAME_LENGTH = 1000;
const MAX_TOKEN_LENGTH = 4096;
const MAX_BRANCH_LENGTH = 255;
const MAX_SUBDIR_LENGTH = 1024;
const MAX_PATH_LENGTH = 4096;
/** Far above any runbook repository (the benchmark's largest has 5,000 files), far below a memory problem. */
export const MAX_CACHED_FILES = 100_000;
/** More Git sources than anyone keeps; a longer list is refused rather than walked. */
const MAX_KEPT_SOURCES = 1000;
const MAX_FILE_BYTES_LIMIT = 64 * 1024 * 1024;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const COMMIT_ID = /^[0-9a-f]{40}$/;
/** What `git check-ref-format` refuses in a branch name, plus anything that could leave `refs/heads/`. */
const BAD_BRANCH = /[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^[-/]|\/$|\.$|(^|\/)\.|\.lock(\/|$)|^@$/;

const DESKTOP_PLATFORMS = ['darwin', 'win32', 'linux', 'other'] as const;
export const APP_COMMANDS = ['search', 'contacts', 'sync', 'bookmark', 'print'] as const;

const wholeNumberIn = (min: number, max: number, what: string) =>
  v.pipe(
    v.number(`must be a number (${what})`),
    v.check((n) => Number.isInteger(n) && n >= min && n <= max, `is out of range (${what}: a whole number from ${min} to ${max})`),
  );

/** A setting check the engine itself makes, refused with the engine's own words (which never quote the value). */
const engineCheck = (check: (value: string) => unknown) =>
  v.rawCheck<string>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    try {
      check(dataset.value);
    } catch (error) {
      addIssue({ message: error instanceof SyncError ? error.message : 'is not valid' });
    }
  });

const isPlainRecord = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Structured cloning keeps Maps and class instances; only a plain object is the contract's record.
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Path → blob id, copied into an object without a prototype so no key (`__proto__`) can reach one. */
const cachedFilesSchema = v.pipe(
  v.custom<Record<string, unknown>>(isPlainRecord, 'The cached file list is missing or not a plain object.'),
  v.check((files) => Object.keys(files).length <= MAX_CACHED_FILES, 'The cached file list is too large.'),
  v.check(
    (files) => Object.keys(files).every((path) => path.length > 0 && path.length <= MAX_PATH_LENGTH && !CONTROL_CHARACTER.test(path)),
    'The cached file list has an invalid path.',
  ),
  v.check(
    (files) => Object.values(files).every((oid) => typeof oid === 'string' && COMMIT_ID.test(oid)),
    'The cached file list has an invalid blob id.',
  ),
  v.transform((files) => {
    const copy = Object.create(null) as Record<string, string>;
    for (const [path, oid] of Object.entries(files)) copy[path] = oid as string;
    return copy;
  }),
);

/**
 * The message of a strict object schema: `whole` when the value is not an object at all; for a field the
 * contract does not have, what `refusedFields` says of it (a token or an address the main process reads
 * itself), else that it is not part of the message.
 */
const objectMessage =
  (whole: string, refusedFields: Record<string, string> = {}) =>
  (issue: v.BaseIssue<unknown>): string => {
    if (issue.path && issue.received === 'undefined') return 'is missing';
    if (issue.expected !== 'never') return whole;
    const key = issue.input;
    return typeof key === 'string' && Object.hasOwn(refusedFields, key) ? refusedFields[key]! : 'is not part of this message';
  };
const NO_ADDRESS = 'A sync request carries no address; the app syncs from the source settings it saved.';

// ---- requests (renderer → main) ----

export const emptyRequestSchema = v.undefined_('This call takes no argument.');

export const openExternalRequestSchema = v.strictObject(
  {
    url: v.pipe(v.string('A URL is required.'), v.minLength(1, 'A URL is required.'), v.maxLength(MAX_URL_LENGTH, 'The URL is too long.')),
  },
  objectMessage('A URL is required.'),
);

export const printToPdfRequestSchema = v.strictObject(
  {
    suggestedName: v.pipe(
      v.string('A suggested file name is required.'),
      v.maxLength(MAX_SUGGESTED_NAME_LENGTH, 'The suggested file name is too long.'),
    ),
  },
  objectMessage('A suggested file name is required.'),
);

/** Surrounding whitespace (a pasted newline) is trimmed; a token never contains whitespace inside. */
export const setTokenRequestSchema = v.strictObject(
  {
    sourceId: sourceIdSchema,
    token: v.pipe(
      v.string('The token is empty.'),
      v.trim(),
      v.minLength(1, 'The token is empty.'),
      v.maxLength(MAX_TOKEN_LENGTH, 'The token is too long.'),
      v.check((token) => !/\s/.test(token) && !CONTROL_CHARACTER.test(token), 'The token contains spaces or control characters.'),
    ),
  },
  objectMessage('A source id and a token are required.'),
);

export const sourceTokenRequestSchema = v.strictObject({ sourceId: sourceIdSchema }, objectMessage('A valid source id is required.'));

/**
 * Where a Git source syncs from (`source:save`): an http(s) URL without credentials, a branch name Git
 * accepts and a sub-folder inside the repository (normalised; the root reads as absent). Main keeps these
 * and syncs from them; a token is bound to the origin of `url` when it is set.
 */
export const sourceSettingsSchema = v.strictObject(
  {
    sourceId: sourceIdSchema,
    url: v.pipe(
      v.string('A repository address is required.'),
      v.minLength(1, 'A repository address is required.'),
      v.maxLength(MAX_URL_LENGTH, 'The repository address is too long.'),
      engineCheck(checkRepositoryUrl),
    ),
    branch: v.optional(
      v.pipe(
        v.string('The branch name is not a valid Git branch name.'),
        v.check(
          (branch) => branch.length > 0 && branch.length <= MAX_BRANCH_LENGTH && !BAD_BRANCH.test(branch),
          'The branch name is not a valid Git branch name.',
        ),
      ),
    ),
    subdir: v.optional(
      v.pipe(
        v.string('The sub-folder is not a valid folder name.'),
        v.check(
          (subdir) => subdir.length <= MAX_SUBDIR_LENGTH && !CONTROL_CHARACTER.test(subdir),
          'The sub-folder is not a valid folder name.',
        ),
        engineCheck(normaliseSubdir),
        v.transform((subdir) => normaliseSubdir(subdir) || undefined),
      ),
    ),
    pinnedSigningKeys: v.optional(
      v.pipe(
        v.string('The pinned signing keys must be text.'),
        v.maxLength(MAX_PINNED_KEYS_TEXT_LENGTH, 'The pinned signing keys are too long.'),
        v.check((keys) => parsePinnedSigningKeys(keys).problems.length === 0, 'A pinned signing key cannot be read.'),
      ),
    ),
    requireSignedCommits: v.optional(v.boolean('Refusing unsigned commits is a yes or no.')),
  },
  objectMessage('The source settings are required.', { token: 'Source settings carry no token; set it with its own call.' }),
);

/**
 * One Git sync run by the main process: the source's id and what the page's cache holds, within bounded
 * sizes. Neither a token nor an address: main reads both from its own stores, so a request with either is
 * refused rather than trusted or ignored.
 */
export const syncRunRequestSchema = v.strictObject(
  {
    sourceId: sourceIdSchema,
    /** The commit the page's cache holds for this source (`SourceRecord.version`). */
    previousCommit: v.optional(
      v.pipe(v.string('The previous commit is not a commit id.'), v.regex(COMMIT_ID, 'The previous commit is not a commit id.')),
    ),
    /** Path → Git blob id of every file the page's cache holds for the source. */
    cached: cachedFilesSchema,
    /** The page's cache was written by another ingest version: read every file again (see `GitSyncRequest.rereadAll`). */
    rereadAll: v.optional(
      v.pipe(
        v.boolean('The re-read flag must be true or false.'),
        v.transform((reread) => reread || undefined),
      ),
    ),
    maxFileBytes: v.optional(wholeNumberIn(1, MAX_FILE_BYTES_LIMIT, 'the file size limit')),
    timeoutMs: v.optional(wholeNumberIn(1_000, 10 * 60_000, 'the timeout')),
    /** Overall deadline of the download (default 20 minutes). */
    deadlineMs: v.optional(wholeNumberIn(1_000, 24 * 60 * 60_000, 'the deadline')),
    /** Fewest bytes a second the download must average over a minute (default 512). */
    minBytesPerSecond: v.optional(wholeNumberIn(0, 100 * 1024 * 1024, 'the minimum rate')),
  },
  objectMessage('A sync request is required.', {
    token: 'A sync request carries no token; the app reads it from its own store.',
    url: NO_ADDRESS,
    branch: NO_ADDRESS,
    subdir: NO_ADDRESS,
  }),
);

/** Names the source whose sync to cancel (`sync:cancel`) or whose object store to delete (`sync:delete-store`). */
export const syncSourceRequestSchema = v.strictObject({ sourceId: sourceIdSchema }, objectMessage('A valid source id is required.'));

/** The Git sources the cache holds (`sync:prune-stores`): every other object store is left over and deleted. */
export const pruneSyncStoresRequestSchema = v.strictObject(
  {
    keepSourceIds: v.pipe(
      v.array(sourceIdSchema, `must be a list of at most ${MAX_KEPT_SOURCES} source ids`),
      v.maxLength(MAX_KEPT_SOURCES, `must be a list of at most ${MAX_KEPT_SOURCES} source ids`),
    ),
  },
  objectMessage(`A list of at most ${MAX_KEPT_SOURCES} source ids is required.`),
);

/**
 * Which source's host to probe (`source:probe-host`): an id only. Main reads the address from the settings
 * it saved, so the page cannot make the main process send a request anywhere else.
 */
export const probeHostRequestSchema = v.strictObject(
  { sourceId: sourceIdSchema },
  objectMessage('A valid source id is required.', {
    url: 'A probe request carries no address; the app probes the address it saved for the source.',
  }),
);

// ---- responses and events (main → renderer) ----
// Plain object schemas: what main sends is copied field by field, so nothing else it might attach (an
// object with methods, say) reaches the page; a missing or wrong field still refuses the message.

const reason = v.optional(v.string());

export const appInfoSchema = v.object({ version: v.string(), platform: v.picklist(DESKTOP_PLATFORMS) });
export const openExternalResultSchema = v.object({ opened: v.boolean(), reason });
export const printToPdfResultSchema = v.object({ saved: v.boolean(), path: v.optional(v.string()), reason });
/** `reason`: why the token was not stored; never contains the token. */
export const setTokenResultSchema = v.object({ stored: v.boolean(), reason });
export const saveSourceResultSchema = v.object({ saved: v.boolean(), reason });
export const deleteSyncStoreResultSchema = v.object({ deleted: v.boolean(), reason });
export const pruneSyncStoresResultSchema = v.object({
  removed: v.pipe(v.number(), v.integer()),
  failed: v.pipe(v.number(), v.integer()),
});

/** Whether the source's host answered a probe, when (ISO time); null when main has no address saved for the source. */
export const probeHostResultSchema = v.nullable(v.object({ host: v.string(), reached: v.boolean(), at: v.string() }));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
/**
 * The change set and its statistics are built by the main process's own engine from the same core code
 * the page runs; they are checked for their outline here (ids, version, lists), and their records keep
 * the model's types (`core/model.ts`), which have no schema of their own.
 */
const changeSetSchema = v.custom<ChangeSet>(
  (value) =>
    isObject(value) &&
    typeof value.sourceId === 'string' &&
    typeof value.version === 'string' &&
    Array.isArray(value.upserts) &&
    Array.isArray(value.removed) &&
    Array.isArray(value.renamed) &&
    (value.assets === undefined || Array.isArray(value.assets)),
  'must be a change set',
);
/** The change set for the page to apply in one transaction, or why there is none; the message never contains the token. */
export const syncRunResponseSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), changeSet: changeSetSchema, stats: syncStatsSchema }),
  v.object({ ok: v.literal(false), error: syncErrorSchema }),
]);

// ---- events (main → renderer) ----

export const syncProgressEventSchema = v.object({ sourceId: v.string(), progress: syncProgressSchema });
export const appCommandSchema = v.picklist(APP_COMMANDS);
/** A validated `runbook-reader://open/<sourceId>/<path>#<anchor>` link (`path`: `/`-separated, ending in `.md`). */
export const deepLinkSchema = v.union([
  v.object({ sourceId: v.string(), path: v.string(), anchor: v.optional(v.string()) }),
  // `runbook-reader://alert/<name>`: the renderer finds the runbook mapped to the alert.
  v.object({ alert: v.string() }),
]);

// ---- offline copies (a Git bundle or a zip imported from a file; a bundle saved to one) ----

const MAX_FILE_NAME_LENGTH = 255;
/** Matches `MAX_OFFLINE_COPY_BYTES`: a larger file is refused by its size before it is read. */
const MAX_OFFLINE_COPY_BYTES = 512 * 1024 * 1024;
const fileNameSchema = v.pipe(
  v.string('The file name is missing.'),
  v.minLength(1, 'The file name is missing.'),
  v.maxLength(MAX_FILE_NAME_LENGTH, 'The file name is too long.'),
  v.check((name) => !CONTROL_CHARACTER.test(name) && !/[\\/]/.test(name), 'The file name must be a name, not a path.'),
);
const offlineCopyBytesSchema = v.pipe(
  v.instance(Uint8Array, 'The file content must be bytes.'),
  v.check((bytes) => bytes.length > 0 && bytes.length <= MAX_OFFLINE_COPY_BYTES, 'The file is empty or over the size limit.'),
);
/** More Git sources than anyone keeps; the list is compared with the file one by one. */
const MAX_INSPECTED_SOURCES = 500;
const commitWhenSchema = v.object({ commit: v.string(), committedAt: v.optional(v.string()) });

/**
 * An offline-copy import whose change set main computes in the source's object store (`offline-copy:import`);
 * the page applies it, as after a sync. Plain data: what the cache holds, as for `sync:run`.
 */
export const offlineCopyImportRequestSchema = v.strictObject(
  {
    sourceId: sourceIdSchema,
    fileName: fileNameSchema,
    bytes: offlineCopyBytesSchema,
    branch: v.optional(
      v.pipe(
        v.string(),
        v.maxLength(MAX_BRANCH_LENGTH),
        v.check((b) => !BAD_BRANCH.test(b), 'The branch name is invalid.'),
      ),
    ),
    subdir: v.optional(v.pipe(v.string(), v.maxLength(MAX_SUBDIR_LENGTH))),
    previousCommit: v.optional(v.pipe(v.string(), v.regex(COMMIT_ID, 'The previous commit is not a commit id.'))),
    cached: cachedFilesSchema,
    allowOlder: v.optional(v.boolean()),
    pinnedSigningKeys: v.optional(v.pipe(v.string(), v.maxLength(MAX_PINNED_KEYS_TEXT_LENGTH, 'The pinned signing keys are too long.'))),
    requireSignedCommits: v.optional(v.boolean()),
  },
  objectMessage('An offline-copy import request is required.'),
);
export const offlineCopyImportResponseSchema = v.variant('ok', [
  v.object({
    ok: v.literal(true),
    changeSet: changeSetSchema,
    provenance: v.object({
      kind: v.picklist(['bundle', 'zip']),
      fileName: v.string(),
      version: v.string(),
      commit: v.optional(v.string()),
      committedAt: v.optional(v.string()),
      branch: v.optional(v.string()),
    }),
  }),
  v.object({
    ok: v.literal(false),
    error: v.object({
      code: v.string(),
      message: v.string(),
      branches: v.optional(v.array(v.string())),
      imported: v.optional(commitWhenSchema),
      current: v.optional(commitWhenSchema),
    }),
  }),
]);
/**
 * Which existing Git source a picked bundle updates (`offline-copy:inspect`): the file and the page's Git
 * sources with the commit each holds; main reads their object stores, writes nothing.
 */
export const offlineCopyInspectRequestSchema = v.strictObject(
  {
    bytes: offlineCopyBytesSchema,
    sources: v.pipe(
      v.array(
        v.strictObject({
          id: sourceIdSchema,
          version: v.optional(v.pipe(v.string(), v.regex(COMMIT_ID, 'The source version is not a commit id.'))),
        }),
      ),
      v.maxLength(MAX_INSPECTED_SOURCES, 'Too many sources to compare the file with.'),
    ),
  },
  objectMessage('An offline-copy inspection request is required.'),
);
/** `match` absent: the file is not a bundle that could be read (the import says why). */
export const offlineCopyInspectResultSchema = v.object({
  match: v.optional(
    v.variant('kind', [
      v.object({ kind: v.literal('same'), sourceId: v.string(), commit: v.string() }),
      v.object({ kind: v.literal('unsure'), candidates: v.array(v.string()) }),
    ]),
  ),
});
/** Save a bundle of the source's commit where the person chooses (`offline-copy:save`); main asks with a save dialog. */
export const offlineCopySaveRequestSchema = v.strictObject(
  {
    sourceId: sourceIdSchema,
    name: v.pipe(v.string(), v.maxLength(MAX_SUGGESTED_NAME_LENGTH)),
    commit: v.pipe(v.string(), v.regex(COMMIT_ID, 'The commit is not a commit id.')),
    branch: v.optional(
      v.pipe(
        v.string(),
        v.maxLength(MAX_BRANCH_LENGTH),
        v.check((b) => !BAD_BRANCH.test(b), 'The branch name is invalid.'),
      ),
    ),
  },
  objectMessage('An offline-copy save request is required.'),
);
export const offlineCopySaveResultSchema = v.object({
  saved: v.boolean(),
  fileName: v.optional(v.string()),
  /** The store lacks older commits (a sync fetches the latest only): the copy imports here, `git clone` needs a full one. */
  partialHistory: v.optional(v.boolean()),
  /** With `partialHistory`: why the missing history could not be fetched before saving. */
  historyNotFetched: v.optional(v.string()),
  cancelled: v.optional(v.boolean()),
  reason,
});
/** A `.bundle` or `.zip` opened with the app (file association, `open-file`, the command line). */
export const offlineCopyOpenedSchema = v.object({ fileName: fileNameSchema, bytes: offlineCopyBytesSchema });

/** Channel → the schemas of its request and response. */
export const INVOKE_SCHEMAS = {
  'app:info': { request: emptyRequestSchema, response: appInfoSchema },
  'shell:open-external': { request: openExternalRequestSchema, response: openExternalResultSchema },
  'window:print-to-pdf': { request: printToPdfRequestSchema, response: printToPdfResultSchema },
  'token:set': { request: setTokenRequestSchema, response: setTokenResultSchema },
  'token:has': { request: sourceTokenRequestSchema, response: v.boolean() },
  'token:delete': { request: sourceTokenRequestSchema, response: v.void_() },
  'source:save': { request: sourceSettingsSchema, response: saveSourceResultSchema },
  'sync:run': { request: syncRunRequestSchema, response: syncRunResponseSchema },
  /** `true` when a sync of the source was running and has been told to stop (its `sync:run` answers `cancelled`). */
  'sync:cancel': { request: syncSourceRequestSchema, response: v.boolean() },
  'sync:delete-store': { request: syncSourceRequestSchema, response: deleteSyncStoreResultSchema },
  'sync:prune-stores': { request: pruneSyncStoresRequestSchema, response: pruneSyncStoresResultSchema },
  'source:probe-host': { request: probeHostRequestSchema, response: probeHostResultSchema },
  'offline-copy:import': { request: offlineCopyImportRequestSchema, response: offlineCopyImportResponseSchema },
  'offline-copy:save': { request: offlineCopySaveRequestSchema, response: offlineCopySaveResultSchema },
  'offline-copy:inspect': { request: offlineCopyInspectRequestSchema, response: offlineCopyInspectResultSchema },
} as const;

/** Event channel → the schema of its payload. */
export const EVENT_SCHEMAS = {
  'app:command': appCommandSchema,
  'app:deep-link': deepLinkSchema,
  'sync:progress': syncProgressEventSchema,
  'offline-copy:opened': offlineCopyOpenedSchema,
} as const;
