/**
 * Parses `runbook-reader://open/<sourceId>/<path>#<anchor>` and `runbook-reader://alert/<name>` links handed to the app by the OS.
 * Anyone can craft such a link (a chat message, a web page), so the parser refuses anything
 * unusual instead of trying to repair it, and says why in words.
 *
 * The raw string is parsed by hand on purpose: `new URL()` silently resolves `..` and `%2e%2e`
 * segments, which would hide exactly the inputs that must be refused.
 */
import { cleanAlertName, MAX_ALERT_NAME_LENGTH } from '../incident/alertMapping';
import type { DeepLink } from './ipcContract';

export const DEEP_LINK_SCHEME = 'runbook-reader';
export const DEEP_LINK_MAX_LENGTH = 2048;

export type DeepLinkParseResult = { ok: true; link: DeepLink } | { ok: false; reason: string };

const PREFIX = `${DEEP_LINK_SCHEME}:`;
const OPEN_ACTION = 'open';
const ALERT_ACTION = 'alert';

/** C0 controls, DEL, C1 controls. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** Bidirectional overrides and isolates: they make a path display differently from what it is. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const ENCODED_SEPARATOR = /%(2f|5c)/i;
const PERCENT_ESCAPE = /%[0-9a-f]{2}/i;

function refuse(reason: string): DeepLinkParseResult {
  return { ok: false, reason };
}

/** Decodes one segment once; undefined when its percent-encoding is invalid. */
function decodeOnce(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Checks one decoded piece of the link; returns the reason to refuse it, if any. */
function problemWithDecoded(decoded: string, what: string): string | undefined {
  if (decoded.length === 0) return `The link has an empty ${what}.`;
  if (CONTROL_CHARACTER.test(decoded)) return `The link's ${what} contains a control character.`;
  if (BIDI_CONTROL.test(decoded)) return `The link's ${what} contains a text-direction control character.`;
  if (PERCENT_ESCAPE.test(decoded)) return `The link's ${what} is percent-encoded twice.`;
  return undefined;
}

function decodeSegment(raw: string, what: string): { value: string } | { reason: string } {
  if (raw.length === 0) return { reason: `The link has an empty ${what}.` };
  if (raw.includes('\\')) return { reason: `The link's ${what} contains a backslash.` };
  if (ENCODED_SEPARATOR.test(raw)) return { reason: `The link's ${what} contains an encoded slash or backslash.` };
  const value = decodeOnce(raw);
  if (value === undefined) return { reason: `The link's ${what} has invalid percent-encoding.` };
  const problem = problemWithDecoded(value, what);
  if (problem) return { reason: problem };
  if (value === '.' || value === '..') return { reason: `The link's ${what} contains a "." or ".." segment.` };
  return { value };
}

/** Parses a deep link. Never throws. */
export function parseDeepLink(input: string): DeepLinkParseResult {
  if (typeof input !== 'string' || input.length === 0) return refuse('The link is empty.');
  if (input.length > DEEP_LINK_MAX_LENGTH) {
    return refuse(`The link is longer than ${DEEP_LINK_MAX_LENGTH} characters.`);
  }
  if (CONTROL_CHARACTER.test(input)) return refuse('The link contains a control character.');
  if (input.slice(0, PREFIX.length).toLowerCase() !== PREFIX) {
    return refuse(`Only ${DEEP_LINK_SCHEME}:// links can be opened.`);
  }
  const afterScheme = input.slice(PREFIX.length);
  if (!afterScheme.startsWith('//')) return refuse(`The link must start with ${DEEP_LINK_SCHEME}://${OPEN_ACTION}/.`);

  const hashAt = afterScheme.indexOf('#');
  const beforeHash = hashAt === -1 ? afterScheme : afterScheme.slice(0, hashAt);
  const rawAnchor = hashAt === -1 ? undefined : afterScheme.slice(hashAt + 1);
  if (beforeHash.includes('?')) return refuse('The link must not have a query string.');

  const [action, ...rawSegments] = beforeHash.slice(2).split('/');
  if (action?.toLowerCase() === ALERT_ACTION) return parseAlertLink(rawSegments, rawAnchor);
  if (action === undefined || action.toLowerCase() !== OPEN_ACTION) {
    return refuse(`Only ${DEEP_LINK_SCHEME}://${OPEN_ACTION}/ and ${DEEP_LINK_SCHEME}://${ALERT_ACTION}/ links are supported.`);
  }
  if (rawSegments.length < 2) return refuse('The link must name a source and a runbook path.');

  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    const decoded = decodeSegment(raw, index === 0 ? 'source id' : 'path segment');
    if ('reason' in decoded) return refuse(decoded.reason);
    segments.push(decoded.value);
  }
  const [sourceId, ...pathSegments] = segments as [string, ...string[]];
  const path = pathSegments.join('/');
  if (!/\.md$/i.test(path)) return refuse('The link does not point to a Markdown (.md) runbook.');

  if (rawAnchor === undefined) return { ok: true, link: { sourceId, path } };
  const anchor = decodeOnce(rawAnchor);
  if (anchor === undefined) return refuse("The link's anchor has invalid percent-encoding.");
  const anchorProblem = problemWithDecoded(anchor, 'anchor');
  if (anchorProblem) return refuse(anchorProblem);
  return { ok: true, link: { sourceId, path, anchor } };
}

/** `runbook-reader://alert/<name>`: exactly one segment, the alert's name (percent-encoded once). */
function parseAlertLink(rawSegments: string[], rawAnchor: string | undefined): DeepLinkParseResult {
  if (rawAnchor !== undefined) return refuse('An alert link must not have an anchor (the runbook maps the section).');
  if (rawSegments.length !== 1 || rawSegments[0] === '') return refuse('The link must name one alert.');
  const decoded = decodeSegment(rawSegments[0]!, 'alert name');
  if ('reason' in decoded) return refuse(decoded.reason);
  const alert = cleanAlertName(decoded.value);
  if (alert === undefined) return refuse(`The link's alert name is longer than ${MAX_ALERT_NAME_LENGTH} characters.`);
  return { ok: true, link: { alert } };
}

/**
 * Finds the deep link among a process's command-line arguments (Windows and Linux pass it there,
 * on first launch and to `second-instance`). Returns the raw string, still to be parsed.
 */
export function findDeepLinkArgument(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.slice(0, PREFIX.length).toLowerCase() === PREFIX);
}
