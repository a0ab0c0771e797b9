/**
 * Checks the shape of every IPC request before a handler sees it. The sender is the app's own
 * page, but that page renders untrusted runbooks, so its requests are validated like any input.
 * Reasons never quote the values (a token must not end up in an error message or a log).
 */
import type { OpenExternalRequest, PrintToPdfRequest, SetTokenRequest, SourceTokenRequest } from '../core/desktop/ipcContract';

export type ParsedRequest<T> = { ok: true; value: T } | { ok: false; reason: string };

const MAX_URL_LENGTH = 8192;
const MAX_SUGGESTED_NAME_LENGTH = 1000;
const MAX_SOURCE_ID_LENGTH = 200;
const MAX_TOKEN_LENGTH = 4096;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

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
