import { extractContacts } from '../contacts/extractContacts';
import { runbookRegion } from '../contacts/phoneRegion';
import type { IngestResult, IngestWarning, RunbookBody, RunbookMeta, SourceFile } from '../model';
import { decodeRunbookText, DEFAULT_MAX_RUNBOOK_BYTES } from './decodeRunbookText';
import { findNonPlainData } from './findNonPlainData';
import { gitBlobId } from './gitBlobId';
import { IngestBudgetExceeded, IngestWorkBudget } from './ingestWorkBudget';
import { readFrontMatter } from './readFrontMatter';
import { readRunbookFields } from './readRunbookFields';
import { scanMarkdown } from './scanMarkdown';
import { markdownTokens, type MarkdownToken } from '../markdown/markdownTokens';
import { tokensToMdast } from '../markdown/tokensToMdast';
import { checklistModeOf, checklistStepsOfTree } from '../userdata/checklistSteps';

export { INGEST_VERSION } from './ingestVersion';

export interface IngestOptions {
  /** Files larger than this are skipped (default 2 MiB). */
  maxBytes?: number;
  /**
   * Whether to extract this runbook's contacts (default: always). `check` needs them only for emergency
   * runbooks and skips the work for the rest; the records the app caches always have them.
   */
  wantContacts?: ((meta: RunbookMeta) => boolean) | undefined;
  /** Work units one file may take (see `ingestWorkBudget`); beyond them it is kept as plain text. */
  workUnits?: number | undefined;
}

/**
 * Turns one file into one runbook record, or into a skip with its reason. Pure: the same path and bytes
 * always give the same result, and no input makes it throw.
 */
export function ingestRunbook(sourceId: string, file: SourceFile, options: IngestOptions = {}): IngestResult {
  const oid = file.oid ?? gitBlobId(file.bytes);
  const decoded = decodeRunbookText(file.bytes, options.maxBytes ?? DEFAULT_MAX_RUNBOOK_BYTES);
  if (!decoded.ok) {
    return { kind: 'skipped', skipped: { sourceId, path: file.path, oid, reason: decoded.reason, message: decoded.message } };
  }
  const text = decoded.text;
  let read: { meta: RunbookMeta; body: RunbookBody };
  try {
    read = readRunbook(sourceId, file, oid, text, options, new IngestWorkBudget(options.workUnits));
  } catch (error) {
    // Ingest must end every file as a readable runbook; what failed here is the structure, not the text.
    const why =
      error instanceof IngestBudgetExceeded
        ? error.message
        : `reading it failed (${error instanceof Error ? error.message : String(error)})`;
    return plainTextRunbook(sourceId, file, oid, text, why);
  }
  const notPlain = findNonPlainData(read, 'record');
  if (notPlain !== undefined) {
    return plainTextRunbook(sourceId, file, oid, text, `its record held something other than plain data at ${notPlain}`);
  }
  return { kind: 'runbook', ...read };
}

function readRunbook(
  sourceId: string,
  file: SourceFile,
  oid: string,
  text: string,
  options: IngestOptions,
  budget: IngestWorkBudget,
): { meta: RunbookMeta; body: RunbookBody } {
  budget.spend(text.length, 'reading the text');
  const warnings: IngestWarning[] = [];
  if (text.trim() === '') {
    warnings.push({ code: 'empty-file', message: 'This file is empty.' });
  }
  const front = readFrontMatter(text);
  budget.spend(front.raw?.length ?? 0, 'front matter');
  warnings.push(...front.warnings);
  if (front.raw === undefined && front.warnings.length === 0 && text.trim() !== '') {
    warnings.push({ code: 'no-front-matter', message: 'No front matter: title, owner, status and review date are unknown.' });
  }
  const fields = readRunbookFields(front.data, front.raw);
  warnings.push(...fields.warnings);
  const tokens = markdownTokens(front.body);
  budget.spend(countTokens(tokens), 'Markdown');
  const scan = scanMarkdown(file.path, front.body, front.bodyLine, tokens);
  budget.spend(scan.headings.length + scan.links.length, 'headings and links');

  // An empty `#` line is a heading with no text; it must not become an empty title.
  const firstH1 = scan.headings.find((h) => h.depth === 1 && h.text !== '');
  const title = fields.title ?? firstH1?.text ?? titleFromFileName(file.path);
  const meta: RunbookMeta = {
    sourceId,
    path: file.path,
    oid,
    title,
    titleFrom: fields.title ? 'front-matter' : firstH1 ? 'heading' : 'file-name',
    tags: fields.tags,
    aliases: fields.aliases,
    extra: fields.extra,
    headings: scan.headings,
    links: scan.links,
    warnings,
    size: file.bytes.length,
  };
  if (fields.summary !== undefined) meta.summary = fields.summary;
  if (fields.area !== undefined) meta.area = fields.area;
  if (fields.status !== undefined) meta.status = fields.status;
  if (fields.owner !== undefined) meta.owner = fields.owner;
  if (fields.version !== undefined) meta.version = fields.version;
  if (fields.lastReviewed !== undefined) meta.lastReviewed = fields.lastReviewed;
  if (fields.alerts.length > 0) meta.alerts = fields.alerts;
  if (fields.variables.length > 0) meta.variables = fields.variables;

  const body: RunbookBody = { sourceId, path: file.path, markdown: front.body, bodyLine: front.bodyLine };
  const steps = checklistStepsOfTree(tokensToMdast(tokens, front.body), scan.headings, front.bodyLine, checklistModeOf(meta.extra));
  budget.spend(steps.length, 'checklist steps');
  body.steps = steps;
  if (options.wantContacts?.(meta) ?? true) {
    // Only the runbook's own `region:` is known here; the source's and the device's apply when contacts are shown.
    const contacts = extractContacts(meta, body, { region: runbookRegion(meta.extra) }, tokens);
    budget.spend(contacts.length, 'contacts');
    if (contacts.length > 0) meta.contacts = contacts;
  }
  return { meta, body };
}

function countTokens(tokens: readonly MarkdownToken[]): number {
  let n = tokens.length;
  for (const token of tokens) n += token.children?.length ?? 0;
  return n;
}

/**
 * The file as a runbook with no structure: named after the file, its whole text shown verbatim in one fenced
 * block (a fence longer than any backtick run in it, so nothing inside is read as Markdown), and a warning
 * that says why. Line numbers stay file lines: the fence's opening is line 0.
 */
export function plainTextRunbook(sourceId: string, file: SourceFile, oid: string, text: string, why: string): IngestResult {
  let longestRun = 0;
  for (let run = 0, i = 0; i < text.length; i++) {
    run = text.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longestRun) longestRun = run;
  }
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const meta: RunbookMeta = {
    sourceId,
    path: file.path,
    oid,
    title: titleFromFileName(file.path),
    titleFrom: 'file-name',
    tags: [],
    aliases: [],
    extra: {},
    headings: [],
    links: [],
    warnings: [{ code: 'shown-as-plain-text', message: `This file is shown as plain text: ${why}.` }],
    size: file.bytes.length,
  };
  const markdown = `${fence}text\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${fence}\n`;
  // A fenced block has no steps.
  return { kind: 'runbook', meta, body: { sourceId, path: file.path, markdown, bodyLine: 0, steps: [] } };
}

/** `ops/ban-sync_troubleshooting.md` → `ban sync troubleshooting`. */
export function titleFromFileName(path: string): string {
  const name = path.split('/').pop() ?? path;
  return (
    name
      .replace(/\.(md|markdown)$/i, '')
      .replace(/[-_]+/g, ' ')
      .trim() || name
  );
}
