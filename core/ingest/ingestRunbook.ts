import { extractContacts } from '../contacts/extractContacts';
import type { IngestResult, IngestWarning, RunbookMeta, SourceFile } from '../model';
import { decodeRunbookText, DEFAULT_MAX_RUNBOOK_BYTES } from './decodeRunbookText';
import { gitBlobId } from './gitBlobId';
import { readFrontMatter } from './readFrontMatter';
import { readRunbookFields } from './readRunbookFields';
import { scanMarkdown } from './scanMarkdown';
import { markdownTokens } from '../markdown/markdownTokens';

/**
 * Bump when ingest produces different records for the same bytes (a new field, a parsing fix), so that
 * caches filled by an older app version are re-read instead of trusted.
 */
export const INGEST_VERSION = 3;

export interface IngestOptions {
  /** Files larger than this are skipped (default 2 MiB). */
  maxBytes?: number;
  /**
   * Whether to extract this runbook's contacts (default: always). `check` needs them only for emergency
   * runbooks and skips the work for the rest; the records the app caches always have them.
   */
  wantContacts?: (meta: RunbookMeta) => boolean;
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
  const warnings: IngestWarning[] = [];
  if (text.trim() === '') {
    warnings.push({ code: 'empty-file', message: 'This file is empty.' });
  }
  const front = readFrontMatter(text);
  warnings.push(...front.warnings);
  if (front.raw === undefined && front.warnings.length === 0 && text.trim() !== '') {
    warnings.push({ code: 'no-front-matter', message: 'No front matter: title, owner, status and review date are unknown.' });
  }
  const fields = readRunbookFields(front.data, front.raw);
  warnings.push(...fields.warnings);
  const tokens = markdownTokens(front.body);
  const scan = scanMarkdown(file.path, front.body, front.bodyLine, tokens);

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

  const body = { sourceId, path: file.path, markdown: front.body, bodyLine: front.bodyLine };
  if (options.wantContacts?.(meta) ?? true) {
    const contacts = extractContacts(meta, body, {}, tokens);
    if (contacts.length > 0) meta.contacts = contacts;
  }
  return { kind: 'runbook', meta, body };
}

/** `ops/ban-sync_troubleshooting.md` → `ban sync troubleshooting`. */
export function titleFromFileName(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.(md|markdown)$/i, '').replace(/[-_]+/g, ' ').trim() || name;
}
