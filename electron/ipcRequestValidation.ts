/**
 * Checks the shape of every IPC request before a handler sees it. The sender is the app's own
 * page, but that page renders untrusted runbooks, so its requests are validated like any input.
 * Reasons never quote the values (a token must not end up in an error message or a log).
 */
import type {
  OpenExternalRequest,
  PrintToPdfRequest,
  SetTokenRequest,
  SourceTokenRequest,
  SourceSettings,
  SyncRunRequest,
  PruneSyncStoresRequest,
  SyncSourceRequest,
} from '../core/desktop/ipcContract';
import { checkRepositoryUrl, normaliseSubdir } from '../core/sync/checkSourceSettings';
import { SyncError } from '../core/sync/syncError';

export type ParsedRequest<T> = { ok: true; value: T } | { ok: false; reason: string };

const MAX_URL_LENGTH = 8192;
const MAX_SUGGESTED_NAME_LENGTH = 1000;
const MAX_SOURCE_ID_LENGTH = 200;
const MAX_TOKEN_LENGTH = 4096;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_BRANCH_LENGTH = 255;
const MAX_SUBDIR_LENGTH = 1024;
const MAX_PATH_LENGTH = 4096;
/** Far above any runbook repository (the benchmark's largest has 5,000 files), far below a memory problem. */
export const MAX_CACHED_FILES = 100_000;
const MAX_FILE_BYTES_LIMIT = 64 * 1024 * 1024;
const TIMEOUT_MS_RANGE = [1_000, 10 * 60_000] as const;
const DEADLINE_MS_RANGE = [1_000, 24 * 60 * 60_000] as const;
const MIN_BYTES_PER_SECOND_RANGE = [0, 100 * 1024 * 1024] as const;
const COMMIT_ID = /^[0-9a-f]{40}$/;
/** What `git check-ref-format` refuses in a branch name, plus anything that could leave `refs/heads/`. */
const BAD_BRANCH = /[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^[-/]|\/$|\.$|(^|\/)\.|\.lock(\/|$)|^@$/;

function refuse(reason: string): ParsedRequest<never> {
  return { ok: false, reason };
}

function fields(raw: unknown): Record<string, unknown> | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

function validSourceId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_SOURCE_ID_LENGTH && !CONTROL_CHARACTER.test(value);
}

/** Channels without a request accept nothing but "no argument". */
export function parseEmptyRequest(raw: unknown): ParsedRequest<void> {
  return raw === undefined ? { ok: true, value: undefined } : refuse('This call takes no argument.');
}

export function parseOpenExternalRequest(raw: unknown): ParsedRequest<OpenExternalRequest> {
  const url = fields(raw)?.url;
  if (typeof url !== 'string' || url.length === 0) return refuse('A URL is required.');
  if (url.length > MAX_URL_LENGTH) return refuse('The URL is too long.');
  return { ok: true, value: { url } };
}

export function parsePrintToPdfRequest(raw: unknown): ParsedRequest<PrintToPdfRequest> {
  const suggestedName = fields(raw)?.suggestedName;
  if (typeof suggestedName !== 'string') return refuse('A suggested file name is required.');
  if (suggestedName.length > MAX_SUGGESTED_NAME_LENGTH) return refuse('The suggested file name is too long.');
  return { ok: true, value: { suggestedName } };
}

export function parseSourceTokenRequest(raw: unknown): ParsedRequest<SourceTokenRequest> {
  const sourceId = fields(raw)?.sourceId;
  if (!validSourceId(sourceId)) return refuse('A valid source id is required.');
  return { ok: true, value: { sourceId } };
}

export function parseSyncSourceRequest(raw: unknown): ParsedRequest<SyncSourceRequest> {
  const sourceId = fields(raw)?.sourceId;
  if (!validSourceId(sourceId)) return refuse('A valid source id is required.');
  return { ok: true, value: { sourceId } };
}

/** More Git sources than anyone keeps; a longer list is refused rather than walked. */
const MAX_KEPT_SOURCES = 1000;

export function parsePruneSyncStoresRequest(raw: unknown): ParsedRequest<PruneSyncStoresRequest> {
  const ids = fields(raw)?.keepSourceIds;
  if (!Array.isArray(ids) || ids.length > MAX_KEPT_SOURCES) return refuse('A list of at most 1000 source ids is required.');
  if (!ids.every(validSourceId)) return refuse('Every kept source id must be a valid source id.');
  return { ok: true, value: { keepSourceIds: [...ids] } };
}

/** Surrounding whitespace (a pasted newline) is trimmed; a token never contains whitespace inside. */
export function parseSetTokenRequest(raw: unknown): ParsedRequest<SetTokenRequest> {
  const request = fields(raw);
  if (!validSourceId(request?.sourceId)) return refuse('A valid source id is required.');
  const token = typeof request?.token === 'string' ? request.token.trim() : undefined;
  if (token === undefined || token.length === 0) return refuse('The token is empty.');
  if (token.length > MAX_TOKEN_LENGTH) return refuse('The token is too long.');
  if (/\s/.test(token) || CONTROL_CHARACTER.test(token)) return refuse('The token contains spaces or control characters.');
  return { ok: true, value: { sourceId: request.sourceId, token } };
}

function optionalText(value: unknown, maxLength: number): value is string | undefined {
  return value === undefined || (typeof value === 'string' && value.length <= maxLength);
}

function wholeNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The setting checks the engine itself makes, with their messages (which never quote the value). */
function settingProblem(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return error instanceof SyncError ? error.message : 'The source settings are not valid.';
  }
}

/** Path → blob id, copied into an object without a prototype so no key (`__proto__`) can reach one. */
function parseCachedFiles(raw: unknown): Record<string, string> | string {
  const cached = fields(raw);
  // Structured cloning keeps Maps and class instances; only a plain object is the contract's record.
  const prototype: unknown = cached ? Object.getPrototypeOf(cached) : undefined;
  if (!cached || (prototype !== Object.prototype && prototype !== null)) return 'The cached file list is missing or not a plain object.';
  const entries = Object.entries(cached);
  if (entries.length > MAX_CACHED_FILES) return 'The cached file list is too large.';
  const copy: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [path, oid] of entries) {
    if (path.length === 0 || path.length > MAX_PATH_LENGTH || CONTROL_CHARACTER.test(path))
      return 'The cached file list has an invalid path.';
    if (typeof oid !== 'string' || !COMMIT_ID.test(oid)) return 'The cached file list has an invalid blob id.';
    copy[path] = oid;
  }
  return copy;
}

/**
 * A source's settings must be a Git source the engine can use as is: an http(s) URL without credentials,
 * a branch name Git accepts and a sub-folder inside the repository.
 */
export function parseSaveSourceRequest(raw: unknown): ParsedRequest<SourceSettings> {
  const request = fields(raw);
  if (!request) return refuse('The source settings are required.');
  const { sourceId, url, branch, subdir } = request;
  if (!validSourceId(sourceId)) return refuse('A valid source id is required.');
  if ('token' in request) return refuse('Source settings carry no token; set it with its own call.');
  if (typeof url !== 'string' || url.length === 0) return refuse('A repository address is required.');
  if (url.length > MAX_URL_LENGTH) return refuse('The repository address is too long.');
  const urlProblem = settingProblem(() => checkRepositoryUrl(url));
  if (urlProblem) return refuse(urlProblem);
  if (!optionalText(branch, MAX_BRANCH_LENGTH) || branch === '' || (branch !== undefined && BAD_BRANCH.test(branch))) {
    return refuse('The branch name is not a valid Git branch name.');
  }
  if (!optionalText(subdir, MAX_SUBDIR_LENGTH) || (subdir !== undefined && CONTROL_CHARACTER.test(subdir))) {
    return refuse('The sub-folder is not a valid folder name.');
  }
  let folder = '';
  const subdirProblem = settingProblem(() => (folder = normaliseSubdir(subdir)));
  if (subdirProblem) return refuse(subdirProblem);
  return { ok: true, value: { sourceId, url, ...(branch !== undefined ? { branch } : {}), ...(folder ? { subdir: folder } : {}) } };
}

/**
 * A sync request names a source and says what the page's cache holds, within bounded sizes. It carries
 * neither a token nor an address (main reads both from its own stores), so a request with either is
 * refused rather than silently trusted or ignored.
 */
export function parseSyncRunRequest(raw: unknown): ParsedRequest<SyncRunRequest> {
  const request = fields(raw);
  if (!request) return refuse('A sync request is required.');
  const { sourceId, previousCommit, rereadAll, maxFileBytes, timeoutMs, deadlineMs, minBytesPerSecond } = request;
  if (!validSourceId(sourceId)) return refuse('A valid source id is required.');
  if ('token' in request) return refuse('A sync request carries no token; the app reads it from its own store.');
  if ('url' in request || 'branch' in request || 'subdir' in request) {
    return refuse('A sync request carries no address; the app syncs from the source settings it saved.');
  }
  if (previousCommit !== undefined && (typeof previousCommit !== 'string' || !COMMIT_ID.test(previousCommit))) {
    return refuse('The previous commit is not a commit id.');
  }
  const cached = parseCachedFiles(request.cached);
  if (typeof cached === 'string') return refuse(cached);
  if (rereadAll !== undefined && typeof rereadAll !== 'boolean') return refuse('The re-read flag must be true or false.');
  if (maxFileBytes !== undefined && !wholeNumberIn(maxFileBytes, 1, MAX_FILE_BYTES_LIMIT))
    return refuse('The file size limit is out of range.');
  if (timeoutMs !== undefined && !wholeNumberIn(timeoutMs, ...TIMEOUT_MS_RANGE)) return refuse('The timeout is out of range.');
  if (deadlineMs !== undefined && !wholeNumberIn(deadlineMs, ...DEADLINE_MS_RANGE)) return refuse('The deadline is out of range.');
  if (minBytesPerSecond !== undefined && !wholeNumberIn(minBytesPerSecond, ...MIN_BYTES_PER_SECOND_RANGE))
    return refuse('The minimum rate is out of range.');
  return {
    ok: true,
    value: {
      sourceId,
      ...(previousCommit !== undefined ? { previousCommit } : {}),
      cached,
      ...(rereadAll === true ? { rereadAll } : {}),
      ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(deadlineMs !== undefined ? { deadlineMs } : {}),
      ...(minBytesPerSecond !== undefined ? { minBytesPerSecond } : {}),
    },
  };
}
