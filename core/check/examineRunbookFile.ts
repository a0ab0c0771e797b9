import { checkFrontMatterContacts, type FrontMatterContactProblem } from './checkFrontMatterContacts';
import type { AlertMapping } from '../incident/alertMapping';
import { decodeRunbookText } from '../ingest/decodeRunbookText';
import { ingestRunbook } from '../ingest/ingestRunbook';
import { findWikilinksInMarkdown, type WikilinkInText } from '../links/wikilinkSyntax';
import type { IngestWarning, RunbookLink, RunbookMeta, SkipReason, SourceFile } from '../model';
import { emergencyReason, findEmergencyContactGap, type EmergencyContactGap } from './findEmergencyContactGap';
import { locateFrontMatterLines, type FrontMatterLines } from './locateFrontMatterLines';

/** The source id the checker ingests under; it never reaches a cache. */
export const CHECK_SOURCE_ID = 'check';

export type CheckedLink = Pick<RunbookLink, 'href' | 'line' | 'target' | 'image'>;

/** What the rules need to know about one runbook, as the app's ingest read it. */
export interface ExaminedRunbook {
  kind: 'runbook';
  path: string;
  title: string;
  titleFrom: RunbookMeta['titleFrom'];
  status?: string;
  owner?: string;
  lastReviewed?: string;
  aliases: string[];
  warnings: IngestWarning[];
  /** Anchor ids of the headings, in order. */
  headingIds: string[];
  /** Links the rules judge: to runbooks, anchors and files in the tree, and to plain-http hosts. */
  links: CheckedLink[];
  /** Obsidian `[[wikilinks]]` outside code, with their lines in the file. */
  wikilinks: WikilinkInText[];
  lines: FrontMatterLines;
  contactGap?: EmergencyContactGap;
  /** Problems with the front-matter `contacts:` list and `region:` (see `checkFrontMatterContacts`). */
  contactProblems?: FrontMatterContactProblem[] | undefined;
  /** Front matter `alerts:` (checked against alert rule files by `check --alert-rules`). */
  alerts?: AlertMapping[] | undefined;
}

export interface ExaminedSkip {
  kind: 'skipped';
  path: string;
  reason: SkipReason | 'unreadable';
  message: string;
}

/**
 * One file as the checker sees it. Plain data (it survives structured cloning and JSON), so files can be
 * examined in parallel or remembered between runs by content.
 */
export type ExaminedFile = ExaminedRunbook | ExaminedSkip;

/** Ingests one Markdown file exactly as the app does and keeps what the rules look at. */
export function examineRunbookFile(file: SourceFile): ExaminedFile {
  // Contacts matter to the rules only in emergency runbooks; extracting them elsewhere would be wasted.
  const result = ingestRunbook(CHECK_SOURCE_ID, file, { wantContacts: (meta) => emergencyReason(meta) !== undefined });
  if (result.kind === 'skipped') {
    return { kind: 'skipped', path: file.path, reason: result.skipped.reason, message: result.skipped.message };
  }
  const { meta, body } = result;
  const decoded = decodeRunbookText(file.bytes);
  const lines = decoded.ok ? locateFrontMatterLines(decoded.text, body.bodyLine, meta.aliases) : { keys: {}, aliases: {} };
  const examined: ExaminedRunbook = {
    kind: 'runbook',
    path: meta.path,
    title: meta.title,
    titleFrom: meta.titleFrom,
    aliases: meta.aliases,
    warnings: meta.warnings,
    headingIds: meta.headings.map((h) => h.id),
    links: meta.links
      .filter((l) => l.target.kind !== 'external' || l.target.scheme === 'http:')
      .map(({ href, line, target, image }) => ({ href, line, target, image })),
    wikilinks: findWikilinksInMarkdown(body.markdown).map((w) => ({ ...w, line: w.line + Math.max(body.bodyLine, 1) - 1 })),
    lines,
  };
  if (meta.status !== undefined) examined.status = meta.status;
  if (meta.owner !== undefined) examined.owner = meta.owner;
  if (meta.lastReviewed !== undefined) examined.lastReviewed = meta.lastReviewed;
  const gap = findEmergencyContactGap(meta, lines.keys.tags);
  if (gap) examined.contactGap = gap;
  const contactProblems = checkFrontMatterContacts(meta);
  if (contactProblems.length > 0) examined.contactProblems = contactProblems;
  if (meta.alerts) examined.alerts = meta.alerts;
  return examined;
}
