import { SyncError } from './syncError';

/** What the engine knew when a step failed; it decides which of several look-alike errors it was. */
export interface FailureContext {
  url: string;
  /** The branch asked for, or undefined for the remote's default branch. */
  branch?: string | undefined;
  /** True when an access token was configured (so a 401 means the token was refused). */
  tokenSent: boolean;
  /** Why a saved token was not sent (another origin, an untrusted proxy); said when the server asks for one. */
  tokenWithheld?: string | undefined;
  /** True once the server started answering the pack request: a failure after that is a cut download. */
  packStarted: boolean;
  /** `navigator.onLine` or equivalent, when the platform knows it. */
  online?: boolean | undefined;
  /** Strings that must never reach a message or a log (the token and its encodings). */
  secrets: readonly string[];
}

const OFFLINE_CODES = new Set(['ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EAI_AGAIN']);
const CUT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET']);
const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT']);
const TLS_CODE = /CERT|TLS|SSL/;
/** isomorphic-git's messages when the pack's objects do not decode: its bytes were changed on the way. */
const PACK_DECODING =
  /zlib error|Pako error|Inflated object size is different|Packfile told us object would have length|Invalid compressed buffer/;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  data?: { statusCode?: unknown; what?: unknown };
  cause?: unknown;
}

/**
 * Turns whatever a sync step threw (isomorphic-git errors, Node socket errors, browser fetch TypeErrors,
 * storage quota errors) into a SyncError with a sentence a person can act on.
 */
export function classifySyncError(error: unknown, context: FailureContext): SyncError {
  if (error instanceof SyncError) return error;
  const detail = scrub(describe(error), context.secrets);
  const e = (error ?? {}) as ErrorLike;
  const code = errorCode(error);
  const name = typeof e.name === 'string' ? e.name : '';
  const host = hostOf(context.url);
  const where = host || 'the server';

  if (STORAGE_CODES.has(code) || isQuotaError(error)) {
    return new SyncError(
      'storage-full',
      'There is not enough storage space to save the downloaded runbooks. Free some space and sync again; the runbooks already saved are unchanged.',
      detail,
    );
  }

  if (code === 'HttpError') {
    const status = Number(e.data?.statusCode);
    if (status === 401) {
      return new SyncError(
        'auth-failed',
        context.tokenSent
          ? `${where} refused the access token (HTTP 401). Check that the token is correct, has not expired and may read this repository.`
          : context.tokenWithheld
            ? `${where} asks for authentication (HTTP 401). ${context.tokenWithheld}`
            : `${where} asks for authentication (HTTP 401) and no access token is set. Add a token with read access to this repository.`,
        detail,
      );
    }
    if (status === 403) {
      return new SyncError(
        'auth-failed',
        context.tokenSent
          ? `${where} denied access with the access token that was sent (HTTP 403). The token needs read access to this repository.`
          : context.tokenWithheld
            ? `${where} denied access (HTTP 403). ${context.tokenWithheld}`
            : `${where} denied access (HTTP 403) and no access token is set. Add a token with read access to this repository.`,
        detail,
      );
    }
    if (status === 404) {
      return new SyncError(
        'repo-not-found',
        context.tokenSent
          ? `No repository was found at ${safeUrl(context.url)} (HTTP 404). Check the address and that the token can see this repository.`
          : `No repository was found at ${safeUrl(context.url)} (HTTP 404). Check the address; a private repository also needs an access token.`,
        detail,
      );
    }
    if (status === 407) {
      return new SyncError('auth-failed', `A proxy between this device and ${where} asks for authentication (HTTP 407).`, detail);
    }
    if (status === 408 || status === 504) {
      return new SyncError('timed-out', `${where} took too long to answer (HTTP ${status}). Try again later.`, detail);
    }
    return new SyncError(
      'unknown',
      `${where} answered with an error (HTTP ${Number.isFinite(status) ? status : '?'}). Try again later.`,
      detail,
    );
  }
  if (code === 'UserCanceledError') {
    return new SyncError('auth-failed', `${where} did not accept the credentials.`, detail);
  }
  if (code === 'SmartHttpError' || code === 'EmptyServerResponseError') {
    return new SyncError(
      'repo-not-found',
      `${safeUrl(context.url)} did not answer like a Git server. Check the repository address (it often ends in ".git").`,
      detail,
    );
  }
  if (code === 'UrlParseError' || code === 'UnknownTransportError') {
    return new SyncError('invalid-source', 'The repository address is not an http:// or https:// Git URL.', detail);
  }
  if (code === 'NotFoundError' && !context.packStarted) {
    const what = textOf(e.data?.what);
    if (context.branch === undefined || what === context.branch || what.endsWith(`/${context.branch}`)) {
      return branchNotFound(context.branch, detail);
    }
  }

  if (code === 'ENOTFOUND') {
    if (context.online === false) return offline(detail);
    return new SyncError(
      'host-not-found',
      `The host "${host}" could not be found. Check the repository address, your network or VPN.`,
      detail,
    );
  }
  if (OFFLINE_CODES.has(code)) return offline(detail);
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH') {
    if (context.online === false) return offline(detail);
    return new SyncError(
      'host-not-found',
      `Nothing answered at ${hostAndPort(context.url)}. Check the repository address, your network or VPN.`,
      detail,
    );
  }
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new SyncError('timed-out', `Connecting to ${where} took too long. Check your network and try again.`, detail);
  }
  if (CUT_CODES.has(code) || /^(aborted|socket hang up|premature close)/i.test(textOf(e.message))) {
    return connectionCut(where, detail);
  }
  if (context.packStarted && (name === 'DecompressionError' || code === 'DecompressionError' || PACK_DECODING.test(textOf(e.message)))) {
    return damagedDownload(where, detail);
  }
  if (TLS_CODE.test(code)) {
    return new SyncError('unknown', `The secure connection to ${where} failed: its certificate was not accepted (${code}).`, detail);
  }
  // Browsers report every network failure (DNS, refused, CORS, offline) as a bare TypeError from fetch. The
  // error alone cannot tell a refused cross-origin request from a dead VPN, so it names neither: the app's
  // connectivity signal names CORS when a probe shows the host answering (see judgeConnectivity).
  if (name === 'TypeError' && /fetch|network|load failed/i.test(textOf(e.message))) {
    if (context.online === false) return offline(detail);
    if (context.packStarted) return connectionCut(where, detail);
    return new SyncError('host-not-found', `Could not reach ${where}. Check the repository address, your network or VPN.`, detail);
  }
  if (context.packStarted) return connectionCut(where, detail);
  return new SyncError('unknown', `The sync failed unexpectedly: ${detail}`, detail);
}

/** A text field of an unknown error; anything but a string (absent, an object) reads as ''. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * A storage quota error, also when wrapped: Dexie reports a transaction that failed on the quota as an
 * `AbortError` whose `inner` is the `QuotaExceededError`, and Node errors carry theirs as `cause`.
 */
export function isQuotaError(error: unknown): boolean {
  let e = error as (ErrorLike & { inner?: unknown }) | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = (e.inner ?? e.cause) as (ErrorLike & { inner?: unknown }) | undefined) {
    if (e.name === 'QuotaExceededError' || /quota/i.test(textOf(e.message))) return true;
  }
  return false;
}

function offline(detail: string): SyncError {
  return new SyncError('offline', 'This device is offline. The runbooks already saved stay readable; sync again when connected.', detail);
}

function connectionCut(where: string, detail: string): SyncError {
  return new SyncError(
    'connection-cut',
    `The connection to ${where} was cut during the download. Nothing was changed; sync again when the connection is stable.`,
    detail,
  );
}

/** A pack that arrived whole but altered: kept under `connection-cut`, with the likelier cause named. */
export function damagedDownload(where: string, detail: string): SyncError {
  return new SyncError(
    'connection-cut',
    `The download from ${where} arrived damaged. Nothing was changed; sync again. If it keeps happening, something between this device and the server (a proxy or network filter) is altering the data.`,
    detail,
  );
}

export function branchNotFound(branch: string | undefined, detail?: string): SyncError {
  return new SyncError(
    'branch-not-found',
    branch === undefined
      ? 'The repository has no default branch yet (it may be empty). Push a commit or choose a branch.'
      : `The branch "${branch}" does not exist in this repository. Check the branch name.`,
    detail,
  );
}

/** The Node/undici error code, looking one level into `cause` (Node's fetch wraps socket errors). */
function errorCode(error: unknown): string {
  const e = error as ErrorLike | undefined;
  if (typeof e?.code === 'string') return e.code;
  const cause = e?.cause as ErrorLike | undefined;
  if (typeof cause?.code === 'string') return cause.code;
  return '';
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = errorCode(error);
    const head = code && code !== error.name ? `${error.name} ${code}` : error.name;
    return `${head}: ${error.message.split('\n')[0]}`;
  }
  return String(error);
}

/** Removes every secret (and anything that contains one) from a technical message. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    out = out.split(secret).join('[redacted]');
  }
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function hostAndPort(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

/** The URL without credentials, query or fragment, as safe to show as the engine can make it. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'the repository address';
  }
}
