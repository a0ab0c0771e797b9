import * as v from 'valibot';

/** A message that passed its schema (with the schema's clean-ups applied), or why it did not. */
export type CheckedMessage<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Longest field path quoted in a refusal: record keys come from the sender and could be long. */
const MAX_PATH_LENGTH = 80;

/**
 * Words for the checks a schema gives no message of its own. Never the received value: a refused message
 * may hold a token, and refusals end up in errors and logs.
 */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.expected === 'never') return 'is not part of this message';
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is missing';
  return `must be ${issue.expected ?? 'valid'}`;
}

/** `field.path: what is wrong` for the first problem found; the field is left out when the whole message is wrong. */
export function refusalOf(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'The message is not valid.';
  const path = v.getDotPath(issue);
  if (!path) return issue.message;
  const field = path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH)}…` : path;
  return `${field}: ${issue.message}`;
}

/**
 * Checks a message that crossed a boundary (IPC, `postMessage`) against its schema, at the receiving edge.
 * A wrong, missing or unknown field is refused with a reason naming it.
 */
export function checkMessage<S extends v.GenericSchema>(schema: S, raw: unknown): CheckedMessage<v.InferOutput<S>> {
  const result = v.safeParse(schema, raw, { message: describeIssue, abortEarly: true });
  return result.success ? { ok: true, value: result.output } : { ok: false, reason: refusalOf(result.issues) };
}
