/**
 * Which URLs the app hands to the operating system (browser, mail client, dialer, chat client).
 * The allowlist itself is the one external-link policy in `core/links/externalUrlPolicy.ts`, which the
 * contacts panel and the runbook link resolver use too.
 */
import { judgeExternalUrl } from '../../core/links/externalUrlPolicy';

export type OpenExternalDecision = { allow: true } | { allow: false; reason: string };

/** Decides whether `url`, as received from a page, may be opened outside the app. */
export function decideOpenExternal(url: unknown): OpenExternalDecision {
  if (typeof url !== 'string' || url.length === 0) return { allow: false, reason: 'No link to open.' };
  const verdict = judgeExternalUrl(url);
  return verdict.allowed ? { allow: true } : { allow: false, reason: verdict.reason };
}
