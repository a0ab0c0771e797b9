import type { RunbookMeta } from '../model';

export interface EmergencyContactGap {
  /** Why the runbook counts as an emergency runbook. */
  because: 'tag' | 'heading';
  /** The heading's text, when `because` is `heading`. */
  heading?: string;
  line?: number;
}

const EMERGENCY_HEADING = /\bemergenc(y|ies)\b/i;

/**
 * Says when a runbook tagged `emergency` (or with an "Emergency …" heading) gives no way to reach anyone:
 * none of the contacts ingest extracted (core/contacts, the same ones the app's contacts panel lists) is a
 * phone, email, chat channel or paging entry. A named role alone ("ask the VP") is not a way to reach anyone.
 */
export function findEmergencyContactGap(meta: RunbookMeta, tagsLine?: number): EmergencyContactGap | undefined {
  const gap = emergencyReason(meta);
  if (!gap) return undefined;
  if (gap.because === 'tag' && tagsLine !== undefined) gap.line = tagsLine;
  return (meta.contacts ?? []).some((c) => c.kind !== 'role') ? undefined : gap;
}

/** Why a runbook counts as an emergency runbook (tagged `emergency`, or an "Emergency …" heading), if it does. */
export function emergencyReason(meta: Pick<RunbookMeta, 'tags' | 'headings'>): EmergencyContactGap | undefined {
  if (meta.tags.some((t) => t.toLowerCase() === 'emergency')) return { because: 'tag' };
  const heading = meta.headings.find((h) => EMERGENCY_HEADING.test(h.text));
  return heading ? { because: 'heading', heading: heading.text, line: heading.line } : undefined;
}
