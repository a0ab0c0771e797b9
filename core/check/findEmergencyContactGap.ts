import type { RunbookBody, RunbookMeta } from '../model';

export interface EmergencyContactGap {
  /** Why the runbook counts as an emergency runbook. */
  because: 'tag' | 'heading';
  /** The heading's text, when `because` is `heading`. */
  heading?: string;
  line?: number;
}

const EMERGENCY_HEADING = /\bemergenc(y|ies)\b/i;
const CONTACT_HEADING = /contact|escalation/i;

/** Anything a person can reach: an email, a phone number, a chat #channel, a paging policy. */
const CONTACT_MENTIONS: readonly RegExp[] = [
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/,
  /\btel:/i,
  /(?:\+\d{1,3}[\s.-]?)?\(?\b\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b/,
  /(?:^|[\s`*_])#[A-Za-z][\w.-]*/m,
  /pager\s?duty|opsgenie/i,
];

/**
 * Says when a runbook tagged `emergency` (or with an "Emergency …" heading) gives no way to reach anyone.
 *
 * A stop-gap: the app's own contact extraction (core/contacts) is being written; when it lands this check
 * should ask it instead, so the command and the app agree on what counts as a contact.
 */
export function findEmergencyContactGap(
  meta: RunbookMeta,
  body: RunbookBody,
  tagsLine?: number,
): EmergencyContactGap | undefined {
  let gap: EmergencyContactGap | undefined;
  if (meta.tags.some((t) => t.toLowerCase() === 'emergency')) {
    gap = { because: 'tag' };
    if (tagsLine !== undefined) gap.line = tagsLine;
  } else {
    const heading = meta.headings.find((h) => EMERGENCY_HEADING.test(h.text));
    if (heading) gap = { because: 'heading', heading: heading.text, line: heading.line };
  }
  if (!gap) return undefined;
  if (hasFrontMatterContacts(meta.extra.contacts)) return undefined;

  const bodyLines = body.markdown.split('\n');
  const { headings } = meta;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if (!CONTACT_HEADING.test(h.text)) continue;
    let end = bodyLines.length + body.bodyLine;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.depth <= h.depth) {
        end = headings[j]!.line;
        break;
      }
    }
    const section = bodyLines.slice(h.line + 1 - body.bodyLine, end - body.bodyLine).join('\n');
    if (CONTACT_MENTIONS.some((re) => re.test(section))) return undefined;
  }
  return gap;
}

function hasFrontMatterContacts(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  return false;
}
