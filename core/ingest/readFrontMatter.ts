import type { IngestWarning } from '../model';
import { parseFrontMatterBlock } from './parseFrontMatterBlock';

export interface FrontMatterResult {
  /** Parsed front matter; undefined when there is none or it could not be read. */
  data?: Record<string, unknown>;
  /** The raw text between the delimiters, when there is a closed block. */
  raw?: string;
  /** Markdown after the front matter (the whole text when there is no usable block). */
  body: string;
  /** 1-based line of the file at which `body` starts. */
  bodyLine: number;
  warnings: IngestWarning[];
}

/**
 * `---` alone or followed by a language word (`---yaml`, `---json`, `---js`); which languages are read is
 * `parseFrontMatterBlock`'s decision, so that a word such as `valueOf` is refused with a warning, not looked up.
 * `----` is a thematic break, not front matter.
 */
const OPENING = /^---([\w$]*)[ \t]*$/;

/**
 * Splits YAML front matter from the Markdown body. Never throws: a block that does not parse or is never
 * closed leaves the whole text readable as the body, with a warning that says what is wrong and where.
 */
export function readFrontMatter(text: string): FrontMatterResult {
  const firstLineEnd = text.indexOf('\n');
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  if (!OPENING.test(firstLine)) {
    return { body: text, bodyLine: 1, warnings: [] };
  }
  const closeAt = firstLineEnd === -1 ? -1 : findClosingDelimiter(text, firstLineEnd);
  if (closeAt === -1) {
    return {
      body: text,
      bodyLine: 1,
      warnings: [
        {
          code: 'front-matter-unclosed',
          message: 'Front matter starts with "---" on line 1 but is never closed with a "---" line; it is shown as text.',
          line: 1,
        },
      ],
    };
  }
  const raw = text.slice(firstLineEnd + 1, closeAt);
  const closingLineEnd = text.indexOf('\n', closeAt + 1);
  const body = closingLineEnd === -1 ? '' : text.slice(closingLineEnd + 1);
  const bodyLine = countLines(text.slice(0, closingLineEnd === -1 ? text.length : closingLineEnd + 1)) + 1;

  const language = OPENING.exec(firstLine)![1]!;
  const block = parseFrontMatterBlock(language, raw);
  if (!block.ok) {
    return {
      raw,
      body,
      bodyLine,
      warnings: [
        {
          code: 'front-matter-invalid',
          message: `Front matter could not be read: ${block.reason}. Its metadata is ignored.`,
          // The block's first line is the file's second.
          line: 1 + (block.blockLine ?? 1),
        },
      ],
    };
  }
  const parsed = block.value;
  if (parsed === null || parsed === undefined || (typeof parsed === 'object' && Object.keys(parsed).length === 0)) {
    return { data: {}, raw, body, bodyLine, warnings: [] };
  }
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return {
      raw,
      body,
      bodyLine,
      warnings: [
        {
          code: 'front-matter-not-object',
          message: 'Front matter is not a list of "key: value" fields; its metadata is ignored.',
          line: 2,
        },
      ],
    };
  }
  return { data: parsed as Record<string, unknown>, raw, body, bodyLine, warnings: [] };
}

/** Index of the `\n` that starts the closing `---` line, or -1. */
function findClosingDelimiter(text: string, from: number): number {
  let at = text.indexOf('\n---', from);
  while (at !== -1) {
    const lineEnd = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, lineEnd === -1 ? text.length : lineEnd);
    if (/^---[ \t]*$/.test(line)) return at;
    at = text.indexOf('\n---', at + 1);
  }
  return -1;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
