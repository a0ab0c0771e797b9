import type { Heading } from '../model';

/** Words of a contacts heading; at least one of `CORE_WORDS` must be there. */
const CORE_WORDS = new Set(['contact', 'contacts', 'escalation', 'escalations', 'on-call', 'oncall']);
const HEADING_WORDS = new Set([
  ...CORE_WORDS,
  'emergency',
  'path',
  'paths',
  'procedure',
  'procedures',
  'policy',
  'policies',
  'and',
  'key',
  'list',
  'matrix',
  'information',
  'info',
  'details',
  'team',
  'teams',
  'incident',
  'urgent',
  'support',
  'rotation',
  'points',
  'point',
  'of',
  'the',
  'us',
  'who',
  'to',
  'call',
  'people',
  'escalate',
  'chain',
  'tree',
  'roster',
]);

/**
 * True for headings such as "Emergency Contacts", "Contacts", "Contact", "Escalation", "Escalation Path",
 * "Contact Procedures", "On-call" — any case, with numbering ("5. Contacts"), emoji or trailing colon.
 * Every word of the heading must belong to that vocabulary, so "Permission Escalation" (a runbook about
 * access) or "For On-Call Engineers" are not contacts sections.
 */
export function isContactHeading(text: string): boolean {
  const lower = text.toLowerCase();
  // Every accepted heading has one of these in it; most headings have none and skip the word splitting.
  if (!/contact|escalation|call/.test(lower)) return false;
  const tokens = lower
    .replace(/\bon[\s-]+call\b/g, 'on-call')
    .replace(/^\s*(?:\d+(?:\.\d+)*|[a-z])[.)]\s+/, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  if (tokens.join(' ') === 'who to call') return true;
  return tokens.some((t) => CORE_WORDS.has(t)) && tokens.every((t) => HEADING_WORDS.has(t));
}

/** Where a contacts section is, known from ingest's headings alone. */
export interface ContactSectionRange {
  heading: Heading;
  /** 1-based file line of the heading. */
  line: number;
  /** 1-based file line just before the next heading of the same or a higher level (or the last line). */
  endLine: number;
}

/**
 * The contacts sections of a cached runbook from `RunbookMeta.headings` (which ingest took from the
 * Markdown parser), without parsing the body again: cheap enough to run for every runbook shown, for
 * example to make the lines of a rendered runbook's contacts sections tappable. `lastLine` is the file's
 * last line (`body.bodyLine + number of body lines - 1`). Nested contacts headings belong to the outer one.
 */
export function contactSectionRanges(headings: readonly Heading[], lastLine: number): ContactSectionRange[] {
  const ranges: ContactSectionRange[] = [];
  headings.forEach((heading, index) => {
    if (ranges.some((r) => heading.line >= r.line && heading.line <= r.endLine)) return;
    if (!isContactHeading(heading.text)) return;
    const next = headings.slice(index + 1).find((h) => h.depth <= heading.depth && h.line > heading.line);
    ranges.push({ heading, line: heading.line, endLine: next ? next.line - 1 : lastLine });
  });
  return ranges;
}
