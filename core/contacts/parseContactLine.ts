import type { PhrasingContent, RootContent } from 'mdast';
import { parseMarkdownTree } from '../markdown/markdownTree';
import { cleanLabel, fieldKindOfLabel, looksLikeRole } from './contactLabels';
import { classifyContactUrl } from './contactLinks';
import type { ContactKind, ContactOptions, ContactPointKind, PhoneDetails } from './contactModel';
import { findContactPoints } from './findContactPoints';
import { readPhoneNumber, type PhoneReading } from './normalisePhoneNumber';

/** One contact read from a line: a contact point, or a role/paging entry with no contact point. */
export interface ParsedContact {
  kind: ContactKind;
  value: string;
  href?: string | undefined;
  via?: string | undefined;
  /** For phone numbers: the region and any doubt about it. */
  phone?: PhoneDetails | undefined;
  /** 1-based line in the Markdown that was parsed (node positions), when known. */
  line?: number | undefined;
  /** Offsets in `ParsedContactLine.text`; absent for roles, which are the whole line. */
  start?: number;
  end?: number;
}

/** What one line of a contacts section says. */
export interface ParsedContactLine {
  /** Plain text of the line (Markdown markers removed, inline code kept). */
  text: string;
  /** Team or role the line names ("Operations Team"); absent when it names none or only a field ("Phone:"). */
  label?: string;
  contacts: ParsedContact[];
  /** Everything else the line says ("respond < 5 min", "24/7"), for every contact of the line. */
  note?: string | undefined;
  /** 1-based line in the parsed Markdown where the line starts, when known. */
  line?: number | undefined;
}

/** Hints from around the line, such as the header of the table column it sits in. */
export interface ContactLineHints {
  /** The kind a bare value has here ("Phone" column: `5551234567` is a phone number). */
  fieldKind?: ContactPointKind | null | undefined;
  /** Do not look for a "Label:" at the start (table cells, whose label is in another column). */
  noLabel?: boolean;
}

/**
 * Reads one Markdown line of a contacts section, such as
 * `**Operations Team**: ops@clpr.tv, Slack #ops-team, (555) 123-4567`, into its label and contacts.
 * A leading list marker is allowed. Only the first line is read when `line` holds several.
 */
export function parseContactLine(line: string, options: ContactOptions = {}, hints: ContactLineHints = {}): ParsedContactLine {
  const phrasing = firstPhrasing(parseMarkdownTree(line).children);
  return parseContactPhrasing(phrasing, options, hints)[0] ?? { text: '', contacts: [] };
}

/**
 * Reads the inline content of a paragraph, list item or table cell. A paragraph can list several people,
 * one per line; a new line starts a new entry when it begins with its own label, and continues the
 * previous entry otherwise.
 */
export function parseContactPhrasing(
  nodes: readonly PhrasingContent[],
  options: ContactOptions = {},
  hints: ContactLineHints = {},
): ParsedContactLine[] {
  const flat = flatten(nodes);
  const index = indexFlat(flat);
  const blocks: [number, number][] = [];
  let blockStart = 0;
  for (let nl = flat.text.indexOf('\n'); nl !== -1; nl = flat.text.indexOf('\n', nl + 1)) {
    const nextEnd = flat.text.indexOf('\n', nl + 1);
    if (!hints.noLabel && detectLabel(flat, index, nl + 1, nextEnd === -1 ? flat.text.length : nextEnd, options)) {
      blocks.push([blockStart, nl]);
      blockStart = nl + 1;
    }
  }
  blocks.push([blockStart, flat.text.length]);
  return blocks.map(([start, end]) => parseBlock(flat, index, start, end, options, hints)).filter((line) => line.text.trim() !== '');
}

interface Flat {
  text: string;
  /** Ranges in document order; code spans and links never nest. */
  code: [number, number][];
  links: { start: number; end: number; url: string }[];
  strong: [number, number][];
  /** Text the author struck through (`~~old number~~`): never a contact. */
  struck: [number, number][];
  /** Known (offset → line) points, to give each contact its line; offsets never decrease. */
  anchors: { offset: number; line: number }[];
}

/**
 * Lookups over a flattened text that each cost a constant or a logarithm, built once per paragraph: a
 * paragraph can hold tens of thousands of lines and contact points, and scanning every range or anchor for
 * each of them made one 48 KB line take 12 s.
 */
interface FlatIndex {
  /** 1 where the character is in a code span / a link / struck-through text. */
  inCode: Uint8Array;
  inLink: Uint8Array;
  inStruck: Uint8Array;
  /** `newlinesBefore[i]`: how many `\n` precede offset `i`. */
  newlinesBefore: Uint32Array;
  /** The ends of the strong/emphasis ranges that start at an offset. */
  strongEndsByStart: Map<number, number[]>;
}

function indexFlat(flat: Flat): FlatIndex {
  const n = flat.text.length;
  const mark = (ranges: Iterable<readonly [number, number]>) => {
    const mask = new Uint8Array(n);
    for (const [s, e] of ranges) mask.fill(1, s, e);
    return mask;
  };
  const newlinesBefore = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) newlinesBefore[i + 1] = newlinesBefore[i]! + (flat.text.charCodeAt(i) === 10 ? 1 : 0);
  const strongEndsByStart = new Map<number, number[]>();
  for (const [a, b] of flat.strong) {
    const ends = strongEndsByStart.get(a);
    if (ends) ends.push(b);
    else strongEndsByStart.set(a, [b]);
  }
  return {
    inCode: mark(flat.code),
    inLink: mark(flat.links.map((l) => [l.start, l.end] as const)),
    inStruck: mark(flat.struck),
    newlinesBefore,
    strongEndsByStart,
  };
}

/** The end of the longest strong/emphasis range that starts at `start` and ends by `end`, or -1. */
function longestStrongEnd(index: FlatIndex, start: number, end: number): number {
  let best = -1;
  for (const b of index.strongEndsByStart.get(start) ?? []) if (b <= end && b > best) best = b;
  return best;
}

/**
 * The text of inline nodes with the ranges of their code, links, emphasis and struck-through parts.
 * Iterative: emphasis can nest as deep as the content wants.
 */
function flatten(nodes: readonly PhrasingContent[]): Flat {
  const flat: Flat = { text: '', code: [], links: [], strong: [], struck: [], anchors: [] };
  const anchor = (node: PhrasingContent) => {
    const line = node.position?.start.line;
    if (line !== undefined) flat.anchors.push({ offset: flat.text.length, line });
  };
  // A step reads a node, or ends a parent whose range is then recorded (after its children, as before).
  type Step = { node: PhrasingContent } | { close: PhrasingContent; start: number };
  const pending: Step[] = [];
  const pushAll = (children: readonly PhrasingContent[]) => {
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i]! });
  };
  pushAll(nodes);
  while (pending.length > 0) {
    const step = pending.pop()!;
    if ('close' in step) {
      const { close: node, start } = step;
      const end = flat.text.length;
      if (node.type === 'link') flat.links.push({ start, end, url: node.url });
      else if (node.type === 'strong' || node.type === 'emphasis') flat.strong.push([start, end]);
      else if (node.type === 'delete') flat.struck.push([start, end]);
      continue;
    }
    const node = step.node;
    const start = flat.text.length;
    switch (node.type) {
      case 'text':
        anchor(node);
        flat.text += node.value;
        break;
      case 'inlineCode':
        anchor(node);
        flat.text += node.value;
        flat.code.push([start, flat.text.length]);
        break;
      case 'link':
      case 'strong':
      case 'emphasis':
      case 'delete':
        pending.push({ close: node, start });
        pushAll(node.children);
        break;
      case 'linkReference':
        pushAll(node.children);
        break;
      case 'break':
        flat.text += '\n';
        break;
      case 'html':
        flat.text += /^<br\s*\/?>$/i.test(node.value.trim()) ? '\n' : ' ';
        break;
      default:
        // Images and footnote references carry no contact text.
        break;
    }
  }
  return flat;
}

function lineAt(flat: Flat, index: FlatIndex, offset: number): number | undefined {
  // The last anchor at or before `offset` (binary search: anchors are in offset order).
  let lo = 0;
  let hi = flat.anchors.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (flat.anchors[mid]!.offset <= offset) [best, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  if (best === -1) return undefined;
  const a = flat.anchors[best]!;
  return a.line + index.newlinesBefore[offset]! - index.newlinesBefore[a.offset]!;
}

/** Index of the first range starting at or after `at`, in ranges ordered by start. */
function firstStartingAt<T>(ranges: readonly T[], startOf: (range: T) => number, at: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(ranges[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `**Label**: rest`, `**Label:** rest`, `Label: rest` or `Label — rest` at `start`; undefined when none. */
function detectLabel(
  flat: Flat,
  index: FlatIndex,
  start: number,
  end: number,
  options: ContactOptions,
): { raw: string; restStart: number } | undefined {
  const text = flat.text;
  let s = start;
  while (s < end && /\s/.test(text[s]!)) s++;
  const strongEnd = longestStrongEnd(index, s, end);
  if (strongEnd !== -1) {
    const strong = [s, strongEnd] as const;
    const raw = text.slice(strong[0], strong[1]);
    if (raw.trim().length <= 80 && findContactPoints(raw, options).length === 0 && /\p{L}/u.test(raw)) {
      let rest = strong[1];
      const sep = /^\s*(?:[:\-–—]+\s*)?/.exec(text.slice(rest, end));
      rest += sep ? sep[0].length : 0;
      return { raw, restStart: rest };
    }
  }
  const m = /^([\p{L}][^:\n]{0,59}?)\s*(?::(?!\/\/)|\s[-–—]\s)\s*/u.exec(text.slice(s, end));
  if (!m) return undefined;
  const raw = m[1]!;
  const sepAt = s + raw.length;
  if (index.inCode[sepAt] === 1 || index.inLink[sepAt] === 1) return undefined;
  // `12:30`: a time, not a label.
  if (/\d/.test(text[sepAt - 1] ?? '') && /\d/.test(text[sepAt + 1] ?? '')) return undefined;
  if (raw.split(/\s+/).length > 6 || /[@#]|\d:\d/.test(raw) || findContactPoints(raw, options).length > 0) return undefined;
  // Without emphasis, only a name-like text is a label: "London NOC:", "Alice Smith:", "Phone:", but
  // not "Anything urgent: call …", which is a sentence.
  const cleaned = cleanLabel(raw).label;
  if (!looksLikeRole(cleaned) && !isNameLike(cleaned) && fieldKindOfLabel(cleaned) === undefined) return undefined;
  return { raw, restStart: s + m[0].length };
}

const NAME_JOINERS = new Set(['of', 'and', '&', 'the', 'for', 'to', 'on', 'de', 'des', 'du', 'la', 'le', 'van', 'von', 'da', 'di']);

/** Title Case words ("Alice Smith", "Data Protection Office"); scripts without case count as name-like. */
function isNameLike(text: string): boolean {
  const words = text.split(/[\s\-–—/]+/).filter((w) => /\p{L}/u.test(w));
  return words.length > 0 && words.every((w) => NAME_JOINERS.has(w.toLowerCase()) || !/^[^\p{L}]*\p{Ll}/u.test(w));
}

const PAGING_WORDS = /pagerduty|opsgenie|\bpag(?:e|er|ing)\b/i;
const PAGING_CONTEXT = /pagerduty|opsgenie|\bpag(?:e|er|ing)\b|\bpolicy\b|\bschedule\b|\brotation\b/i;

function pagingService(text: string): string | undefined {
  if (/pagerduty/i.test(text)) return 'PagerDuty';
  if (/opsgenie/i.test(text)) return 'Opsgenie';
  return undefined;
}

function parseBlock(
  flat: Flat,
  index: FlatIndex,
  start: number,
  end: number,
  options: ContactOptions,
  hints: ContactLineHints,
): ParsedContactLine {
  const raw = flat.text.slice(start, end);
  // Offsets are given in the trimmed text, so shift them by the whitespace cut from its start.
  const textStart = start + (raw.length - raw.trimStart().length);
  const result: ParsedContactLine = { text: raw.trim().replace(/\n/g, ' '), contacts: [] };
  const line = lineAt(flat, index, start);
  if (line !== undefined) result.line = line;

  let fieldKind = hints.fieldKind;
  let restStart = start;
  let how: string | undefined;
  const found = hints.noLabel ? undefined : detectLabel(flat, index, start, end, options);
  if (found) {
    const cleaned = cleanLabel(found.raw);
    const asField = fieldKindOfLabel(cleaned.label);
    if (asField === undefined) {
      if (cleaned.label) result.label = cleaned.label;
      how = cleaned.how;
    } else {
      fieldKind = fieldKind ?? asField;
    }
    restStart = found.restStart;
  }

  const points: (ParsedContact & { start: number; end: number })[] = [];
  // Only this block's characters are copied and flagged (offsets minus `start`): a paragraph can have
  // thousands of blocks, and copying the whole paragraph for each was quadratic.
  const masked = flat.text.slice(start, end).split('');
  const taken = new Uint8Array(end - start);
  const mask = (s: number, e: number) => {
    for (let i = Math.max(s, start); i < Math.min(e, end); i++) masked[i - start] = '\u0000';
  };
  const add = (point: ParsedContact & { start: number; end: number }) => {
    const from = Math.max(point.start, start) - start;
    const to = Math.min(point.end, end) - start;
    if (from < to && taken.subarray(from, to).indexOf(1) !== -1) return;
    const at = lineAt(flat, index, point.start);
    if (at !== undefined) point.line = at;
    points.push(point);
    if (from < to) taken.fill(1, from, to);
    mask(point.start, point.end);
  };
  for (let i = start; i < end; i++) if (index.inStruck[i] === 1) masked[i - start] = '\u0000';
  const within = (s: number, e: number) => s >= restStart && e <= end && index.inStruck[s] !== 1;
  const rest = flat.text.slice(restStart, end);
  let outsideCode = '';
  for (let i = restStart; i < end; i++) outsideCode += index.inCode[i] === 1 ? ' ' : flat.text[i]!;

  // Links first: their target says what they are, whatever their text.
  for (let i = firstStartingAt(flat.links, (l) => l.start, restStart); i < flat.links.length && flat.links[i]!.start < end; i++) {
    const link = flat.links[i]!;
    if (!within(link.start, link.end)) continue;
    const point = pointFromLink(link.url, flat.text.slice(link.start, link.end), options);
    if (point) add({ ...point, start: link.start, end: link.end });
  }
  // Inline code: a whole channel/address/number, or a paging policy name when the line talks about paging.
  for (let i = firstStartingAt(flat.code, (c) => c[0], restStart); i < flat.code.length && flat.code[i]![0] < end; i++) {
    const [s, e] = flat.code[i]!;
    if (!within(s, e)) continue;
    const code = flat.text.slice(s, e).trim();
    const whole = findContactPoints(code, options);
    if (whole.length === 1 && whole[0]!.value === code) {
      const { start: _s, end: _e, ...point } = whole[0]!;
      add({ ...point, start: s, end: e });
    } else if (code && (fieldKind === 'paging' || PAGING_CONTEXT.test(outsideCode))) {
      const via = pagingService(outsideCode);
      add({ kind: 'paging', value: code, via: via || undefined, start: s, end: e });
    }
    mask(s, e);
  }
  const plain = masked.slice(restStart - start).join('');
  for (const point of findContactPoints(plain, options)) {
    add({ ...point, start: point.start + restStart, end: point.end + restStart });
  }

  // A paging service named in prose: `PagerDuty service "Clipper Production"`.
  if (!points.some((p) => p.kind === 'paging') && PAGING_WORDS.test(plain)) {
    const quoted = /(pagerduty|opsgenie)(?:\s+(?:service|escalation\s+policy|policy|schedule))?\s*:?\s*["“]([^"”\n]+)["”]/i.exec(plain);
    if (quoted) {
      const s = restStart + quoted.index;
      add({ kind: 'paging', value: quoted[2]!.trim(), via: pagingService(quoted[1]!)!, start: s, end: s + quoted[0].length });
    } else if (points.length > 0) {
      const word = /pagerduty|opsgenie/i.exec(plain);
      if (word) {
        const s = restStart + word.index;
        const via = pagingService(word[0])!;
        add({ kind: 'paging', value: via, via, start: s, end: s + word[0].length });
      }
    }
  }

  // A bare value after a field label or under a typed column: "Phone: 5551234567", "Slack: ops-team".
  const bare = rest.replace(/\s+/g, ' ').trim();
  if (bare && fieldKind && !points.some((p) => p.kind === fieldKind)) {
    const at = restStart + rest.indexOf(bare.split(' ')[0]!);
    if (fieldKind === 'phone') {
      const reading = readPhoneNumber(bare, { assumePhone: true, region: options.region });
      if (reading) add({ ...phonePoint(bare, reading), start: at, end: end });
    } else if (fieldKind === 'chat' && /^#?[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(bare)) {
      const channel = bare.startsWith('#') ? bare : `#${bare}`;
      const point = findContactPoints(channel, options)[0];
      if (point) add({ ...point, start: at, end: end });
    } else if (fieldKind === 'paging' && points.length === 0) {
      const via = pagingService(bare);
      add({ kind: 'paging', value: bare.replace(/^["“]|["”]$/g, ''), via: via || undefined, start: at, end: end });
    }
  }

  points.sort((a, b) => a.start - b.start);
  result.contacts = points.map(({ start: s, end: e, ...p }) => ({ ...p, start: s - textStart, end: e - textStart }));

  if (points.length > 0) {
    const note = residualNote(
      flat.text.slice(restStart, end),
      points.map((p) => [p.start - restStart, p.end - restStart]),
      how,
    );
    if (note) result.note = note;
    return result;
  }

  // No contact point: keep a named role ("VP Engineering") or a paging instruction ("PagerDuty alert").
  const roleLabel = result.label ?? (!found && looksLikeRole(bare) ? bare : undefined);
  if (roleLabel === undefined) return result;
  const description = found ? bare : '';
  const paging = PAGING_WORDS.test(description);
  if (!paging && !looksLikeRole(roleLabel)) return result;
  result.label = roleLabel;
  const via = paging ? pagingService(description) : undefined;
  result.contacts = [{ kind: paging ? 'paging' : 'role', value: description || roleLabel, via: via || undefined, line }];
  if (how) result.note = how;
  return result;
}

/** A phone contact from what `readPhoneNumber` said about `value`. */
export function phonePoint(value: string, reading: PhoneReading): ParsedContact {
  const { href, ...phone } = reading;
  const point: ParsedContact = { kind: 'phone', value };
  if (href) point.href = href;
  if (Object.keys(phone).length > 0) point.phone = phone;
  return point;
}

function pointFromLink(url: string, text: string, options: ContactOptions): ParsedContact | undefined {
  const kind = classifyContactUrl(url);
  if (!kind) return undefined;
  const label = text.trim();
  switch (kind.kind) {
    case 'phone': {
      const number = decodeURIComponent(url.replace(/^tel:/i, ''));
      const reading = readPhoneNumber(number, { assumePhone: true, region: options.region });
      if (!reading) return undefined;
      return phonePoint(label && /\d/.test(label) ? label : number, reading);
    }
    case 'email': {
      const address = decodeURIComponent(url.replace(/^mailto:/i, '').replace(/\?.*$/, ''));
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) return undefined;
      return { kind: 'email', value: address, href: `mailto:${address}` };
    }
    default:
      return { kind: kind.kind, value: label || url, href: url, via: kind.via || undefined };
  }
}

/** Words that only glue contact points together ("Slack #x", "call …, or page …"). */
const CONNECTORS = new Set([
  'or',
  'and',
  'then',
  'via',
  'at',
  'on',
  'to',
  'call',
  'page',
  'email',
  'e-mail',
  'mail',
  'phone',
  'tel',
  'slack',
  'teams',
  'text',
  'ping',
  'dm',
  'also',
  'otherwise',
  'channel',
  'ext',
  'pagerduty',
  'opsgenie',
  'policy',
  'service',
]);

/**
 * What a line says besides its contact points, so "respond < 5 min" or "24/7" stay with the contacts:
 * the points are cut out, then glue words next to them, empty brackets and separators go.
 */
function residualNote(text: string, ranges: [number, number][], how: string | undefined): string | undefined {
  let s = '';
  let at = 0;
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    s += `${text.slice(at, a)}\u0000`;
    at = b;
  }
  s += text.slice(at);
  s = s
    .replace(/\(\s*(?:[\p{L}.]+\s*)?\u0000\s*\)/gu, '\u0000')
    .replace(
      /\b(?:slack|ms teams|microsoft teams|teams|e-?mail|mail|phone|tel|telephone|mobile|cell|call|channel|via|at|on|pagerduty|opsgenie)\s*:?\s*(?=\u0000)/giu,
      '',
    );
  const pieces = s
    .split(/[,;|·\n]|\s\/\s/)
    .map((p) => {
      let piece = p
        .replace(/\u0000/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[-–—:.\s]+|[-–—:.\s]+$/g, '');
      const open = (piece.match(/\(/g) ?? []).length;
      const close = (piece.match(/\)/g) ?? []).length;
      if (/^\(.*\)$/.test(piece) && open === 1 && close === 1) piece = piece.slice(1, -1).trim();
      else if (open !== close) piece = piece.replace(/[()]/g, '').trim();
      return piece;
    })
    .filter(
      (p) =>
        /[\p{L}\p{N}]/u.test(p) &&
        !p
          .toLowerCase()
          .split(/\s+/)
          .every((w) => CONNECTORS.has(w)),
    );
  if (how) pieces.push(how);
  const note = pieces.join(', ');
  if (!note) return undefined;
  return note.length > 200 ? `${note.slice(0, 199)}…` : note;
}

function firstPhrasing(nodes: readonly RootContent[]): PhrasingContent[] {
  const first = nodes[0];
  if (!first) return [];
  switch (first.type) {
    case 'paragraph':
    case 'heading':
      return first.children;
    case 'list':
      return firstPhrasing(first.children[0]?.children ?? []);
    case 'blockquote':
      return firstPhrasing(first.children);
    default:
      return [];
  }
}
