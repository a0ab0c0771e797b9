import type { List, ListItem, Root, RootContent, Table } from 'mdast';
import type { RunbookBody, RunbookMeta } from '../model';
import { cleanLabel, fieldKindOfLabel, looksLikeRole } from './contactLabels';
import { contactId } from './contactId';
import type { Contact, ContactOptions, ContactPointKind, ContactSource } from './contactModel';
import { contactSectionRanges } from './contactHeadings';
import { findContactSections, type ContactSection } from './findContactSections';
import { parseContactPhrasing, type ParsedContactLine } from './parseContactLine';
import { readFrontMatterContacts } from './readFrontMatterContacts';
import { markdownTokens, type MarkdownToken } from '../markdown/markdownTokens';
import { nodeText } from '../markdown/mdastWalk';
import { tokensToMdast } from '../markdown/tokensToMdast';

/**
 * Every contact of one runbook: from its contacts sections (see `findContactSections`: list items,
 * paragraphs, nested lists under a team name, sub-headings, and tables such as `Role | Phone | Email`)
 * and from its optional front-matter `contacts` list. Each line's team/role label comes from the line
 * (`**Operations Team**: …`), else from the list item, sub-heading or table row it sits under, else from
 * the runbook title. Contacts are in document order (front matter last) and unique by `id`.
 * Pure and total: malformed content gives fewer contacts, never an exception.
 */
export function extractContacts(
  meta: RunbookMeta,
  body: RunbookBody,
  options: ContactOptions = {},
  /** The body's tokens when the caller has them already (ingest does), so it is not read twice. */
  tokens?: readonly MarkdownToken[],
): Contact[] {
  const out: Contact[] = [];
  const seen = new Set<string>();
  const push = (contact: Omit<Contact, 'id'>): boolean => {
    const id = contactId(contact);
    if (seen.has(id)) return false;
    seen.add(id);
    out.push({ id, ...contact });
    return true;
  };

  // Ingest already found the headings; only the tokens of the contacts sections become a tree, so a
  // runbook without one costs nothing and the panel stays fast over a large library.
  const bodyLines = body.markdown.split('\n');
  const lastLine = body.bodyLine + bodyLines.length - 1;
  const ranges = contactSectionRanges(meta.headings, lastLine);
  const all = ranges.length > 0 ? (tokens ?? markdownTokens(body.markdown)) : [];
  for (const range of ranges) {
    const from = range.line - body.bodyLine;
    const to = range.endLine - body.bodyLine;
    if (from < 0 || from >= bodyLines.length) continue;
    const tree = sectionTree(all, from, to, bodyLines, body.markdown);
    const [section] = findContactSections(body.markdown, body.bodyLine, tree);
    if (!section) continue;
    const reader = new SectionReader(meta, body.bodyLine - 1, { ...section, anchor: range.heading.id }, options, push);
    reader.blocks(section.nodes, undefined);
  }

  for (const c of readFrontMatterContacts(meta.extra.contacts, options).contacts) {
    push({
      label: c.label ?? meta.title,
      kind: c.kind,
      value: c.value,
      href: c.href || undefined,
      via: c.via || undefined,
      note: c.note || undefined,
      phone: c.phone,
      source: { sourceId: meta.sourceId, path: meta.path, title: meta.title, lastReviewed: meta.lastReviewed, from: 'front-matter' },
    });
  }
  return out;
}

/**
 * The mdast tree of body lines `from`–`to` (0-based): the document's own top-level tokens when the heading
 * is a top-level block, else (a heading inside a list or quote) those lines read on their own.
 */
function sectionTree(tokens: readonly MarkdownToken[], from: number, to: number, lines: readonly string[], markdown: string): Root {
  const start = tokens.findIndex((t) => t.level === 0 && t.map !== null && t.map[0] >= from);
  if (start !== -1 && tokens[start]!.type === 'heading_open' && tokens[start]!.map![0] === from) {
    let end = start;
    while (end < tokens.length && !(tokens[end]!.level === 0 && tokens[end]!.map !== null && tokens[end]!.map![0] > to)) end++;
    return tokensToMdast(tokens.slice(start, end), markdown);
  }
  // Blank lines in front keep the slice's positions body lines, as in the first case.
  const padded = `${'\n'.repeat(from)}${lines.slice(from, to + 1).join('\n')}`;
  return tokensToMdast(markdownTokens(padded), padded);
}

type Push = (contact: Omit<Contact, 'id'>) => boolean;

/** Walks one contacts section, carrying the label that lines without their own inherit. */
class SectionReader {
  private readonly fallbackLabel: string;

  constructor(
    private readonly meta: RunbookMeta,
    /** Added to node lines to give file lines. */
    private readonly lineOffset: number,
    private readonly section: ContactSection,
    private readonly options: ContactOptions,
    private readonly push: Push,
  ) {
    // An "On-call" section names the role of everything in it; "Emergency Contacts" names nobody.
    this.fallbackLabel = /on[\s-]?call/i.test(section.heading) ? section.heading : meta.title;
  }

  /** Reads block nodes; returns how many contacts were added. */
  blocks(nodes: readonly RootContent[], context: string | undefined): number {
    let added = 0;
    let label = context;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      switch (node.type) {
        case 'heading': {
          const [line] = parseContactPhrasing(node.children, this.options);
          if (line && line.contacts.some((c) => c.kind !== 'role')) added += this.emit(line, context);
          label = line?.label ?? (cleanLabel(nodeText(node)).label || context);
          break;
        }
        case 'paragraph': {
          const lines = parseContactPhrasing(node.children, this.options);
          const next = nodes[i + 1];
          const only = lines.length === 1 ? lines[0]! : undefined;
          // "**Database team**" on its own above a list or table introduces what follows.
          if (only && isRoleOnly(only) && only.label && (next?.type === 'list' || next?.type === 'table')) {
            const under = next.type === 'list' ? this.list(next, only.label) : this.table(next, only.label);
            added += under > 0 ? under : this.emit(only, label);
            i++;
            break;
          }
          for (const line of lines) added += this.emit(line, label);
          break;
        }
        case 'list':
          added += this.list(node, label);
          break;
        case 'table':
          added += this.table(node, label);
          break;
        case 'blockquote':
          added += this.blocks(node.children, label);
          break;
        default:
          // Code blocks, HTML and rules hold no contacts to read.
          break;
      }
    }
    return added;
  }

  private list(list: List, context: string | undefined): number {
    let added = 0;
    for (const item of list.children) added += this.item(item, context);
    return added;
  }

  /** A list item: its first paragraph is its own line; nested lists and tables inherit its label. */
  private item(item: ListItem, context: string | undefined): number {
    const [first, ...rest] = item.children;
    if (first?.type !== 'paragraph') return this.blocks(item.children, context);
    const lines = parseContactPhrasing(first.children, this.options);
    const label = lines[lines.length - 1]?.label ?? lines[0]?.label ?? context;
    let added = 0;
    const deferred: ParsedContactLine[] = [];
    for (const line of lines) {
      if (rest.length > 0 && isRoleOnly(line)) deferred.push(line);
      else added += this.emit(line, context);
    }
    const nested = this.blocks(rest, label);
    // A team name above its own contacts is a heading, not a separate role; alone, it is a role.
    if (nested === 0) for (const line of deferred) added += this.emit(line, context);
    return added + nested;
  }

  /**
   * A table: the column headed Role/Team/Name/Escalate to… gives each row's label; Phone/Email/Slack/
   * PagerDuty columns give contacts (a bare value there counts); any other column becomes the note.
   */
  private table(table: Table, context: string | undefined): number {
    const [headerRow, ...rows] = table.children;
    if (!headerRow) return 0;
    const headers = headerRow.children.map((cell) => nodeText(cell).trim());
    const fieldKinds = headers.map((h) => fieldKindOfLabel(h));
    let labelColumn = headers.findIndex(
      (h, i) =>
        fieldKinds[i] === undefined &&
        /role|team|name|who|escalat|owner|person|group|function|service|responsib|position|title|tier|level/i.test(h),
    );
    if (labelColumn === -1 && headers.length > 1 && fieldKinds[0] === undefined) labelColumn = 0;

    let added = 0;
    for (const row of rows) {
      const notes: string[] = [];
      const lines: ParsedContactLine[] = [];
      let label: string | undefined;
      row.children.forEach((cell, column) => {
        const text = nodeText(cell).replace(/\s+/g, ' ').trim();
        if (column === labelColumn) {
          const cleaned = cleanLabel(text);
          label = cleaned.label || undefined;
          if (cleaned.how) notes.push(cleaned.how);
          return;
        }
        const fieldKind: ContactPointKind | null | undefined = fieldKinds[column];
        const parsed = parseContactPhrasing(cell.children, this.options, { noLabel: true, fieldKind });
        const points = parsed.filter((l) => l.contacts.length > 0);
        lines.push(...points);
        for (const l of points) if (l.note) notes.push(l.note);
        if (points.length === 0 && text && !/^(?:-+|—|–|n\/?a|none|tbd)$/i.test(text)) {
          notes.push(headers[column] ? `${headers[column]}: ${text}` : text);
        }
      });
      const rowLine = row.position?.start.line;
      const note = notes.join('; ') || undefined;
      if (lines.length > 0) {
        for (const line of lines) added += this.emit({ ...line, note: note || undefined }, label ?? context);
      } else if (label && looksLikeRole(label)) {
        added += this.emit(
          {
            text: label,
            label,
            contacts: [{ kind: 'role', value: label, line: rowLine || undefined }],
            note: note || undefined,
          },
          context,
        );
      }
    }
    return added;
  }

  private emit(line: ParsedContactLine, context: string | undefined): number {
    let added = 0;
    const label = line.label ?? context ?? this.fallbackLabel;
    for (const c of line.contacts) {
      const nodeLine = c.line ?? line.line;
      const source: ContactSource = {
        sourceId: this.meta.sourceId,
        path: this.meta.path,
        title: this.meta.title,
        lastReviewed: this.meta.lastReviewed,
        from: 'section',
        anchor: this.section.anchor,
        heading: this.section.heading,
      };
      if (nodeLine !== undefined) source.line = nodeLine + this.lineOffset;
      const contact: Omit<Contact, 'id'> = { label, kind: c.kind, value: c.value, source };
      if (c.href) contact.href = c.href;
      if (c.via) contact.via = c.via;
      if (c.phone) contact.phone = c.phone;
      if (line.note) contact.note = line.note;
      if (this.push(contact)) added++;
    }
    return added;
  }
}

function isRoleOnly(line: ParsedContactLine): boolean {
  return line.contacts.length > 0 && line.contacts.every((c) => c.kind === 'role');
}
