/** What `runbook-reader check` reports, and the rules it knows. Platform-free. */

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Path of the file the finding is about, as the caller named it. */
  file: string;
  /** 1-based line in that file, when the problem sits on one line. */
  line?: number;
  rule: RuleId;
  severity: Severity;
  message: string;
}

/**
 * Every rule, with its severity and a one-line description. The ids are part of the command's output
 * (JSON, GitHub annotations) and scripts rely on them, so they never change meaning.
 */
export const RULES = {
  'front-matter-invalid': { severity: 'error', summary: 'Front matter does not parse as YAML "key: value" fields.' },
  'front-matter-unclosed': { severity: 'error', summary: 'Front matter opens with "---" but is never closed.' },
  'broken-link': { severity: 'error', summary: 'A relative link points to a runbook that is not in the tree.' },
  'broken-wikilink': {
    severity: 'error',
    summary: 'A [[wikilink]] names no file in the tree, or a name that more than one file has.',
  },
  'broken-anchor': { severity: 'error', summary: 'A "#anchor" (same or other runbook) matches no heading.' },
  'duplicate-title': { severity: 'error', summary: 'Two runbooks have the same front-matter title (ignoring case).' },
  'duplicate-alias': { severity: 'error', summary: "An alias is another runbook's alias or title (ignoring case)." },
  'skipped-file': {
    severity: 'error',
    summary: 'A Markdown file could not be read as a runbook (binary, not UTF-8, too large, unreadable).',
  },
  'shown-as-plain-text': {
    severity: 'error',
    summary: 'A Markdown file was too costly or odd to read as Markdown; the reader shows it as plain text.',
  },
  'missing-title': { severity: 'warning', summary: 'No "title" in the front matter.' },
  'missing-owner': { severity: 'warning', summary: 'No "owner" in the front matter.' },
  'missing-last-reviewed': { severity: 'warning', summary: 'No "last_reviewed" date in the front matter.' },
  'review-overdue': {
    severity: 'warning',
    summary: '"last_reviewed" is more than the allowed age before today (default 90 days, as in the reader).',
  },
  'review-in-future': { severity: 'warning', summary: '"last_reviewed" is after today.' },
  'unknown-status': { severity: 'warning', summary: '"status" is not active, draft, deprecated or archived.' },
  'emergency-without-contact': { severity: 'warning', summary: 'An emergency runbook lists no contact to call.' },
  'contact-invalid': {
    severity: 'warning',
    summary: 'A front-matter contacts item, phone number or region: cannot be used as written.',
  },
  'insecure-link': { severity: 'warning', summary: 'A link or image uses plain http: instead of https:.' },
  'missing-image': { severity: 'warning', summary: 'An image points to a file that is not in the tree.' },
  'field-invalid': { severity: 'warning', summary: 'A known front-matter field has the wrong kind of value and is ignored.' },
  'empty-file': { severity: 'warning', summary: 'A Markdown file is empty.' },
  'alert-rules-invalid': {
    severity: 'error',
    summary: 'An alert rule file (--alert-rules) cannot be read: not YAML/JSON, too large, alias bomb, or no rules.',
  },
  'alert-runbook-missing': { severity: 'error', summary: "An alert's runbook_url names a runbook that is not in the tree." },
  'alert-runbook-anchor': { severity: 'error', summary: "An alert's runbook_url or alerts: mapping names a section no heading has." },
  'alert-unmapped': { severity: 'warning', summary: 'An alert has no runbook_url and no runbook maps it in front matter.' },
  'alert-mapping-unknown': { severity: 'warning', summary: 'Front matter alerts: names an alert that no rule file defines.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type RuleId = keyof typeof RULES;

export function finding(file: string, rule: RuleId, message: string, line?: number): Finding {
  const f: Finding = { file, rule, severity: RULES[rule].severity, message };
  if (line !== undefined) f.line = line;
  return f;
}

/** File, then line (file-wide findings first), then rule: the same input always lists in the same order. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  if (la !== lb) return la - lb;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  /** How many different files have at least one finding. */
  filesWithFindings: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errors = 0;
  let warnings = 0;
  const files = new Set<string>();
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
    files.add(f.file);
  }
  return { errors, warnings, filesWithFindings: files.size };
}
