import { lineOfKey } from '../ingest/readRunbookFields';

/** Front-matter keys whose findings point at their line. */
export const LOCATED_KEYS = ['title', 'owner', 'status', 'last_reviewed', 'tags', 'aliases', 'contacts', 'region', 'alerts'] as const;
export type LocatedKey = (typeof LOCATED_KEYS)[number];

export interface FrontMatterLines {
  /** File line of each of the keys above that is present. */
  keys: Partial<Record<LocatedKey, number>>;
  /** File line of each alias (the `aliases:` line itself for an inline list). */
  aliases: Record<string, number>;
}

/**
 * Finds where the front-matter keys sit in the file, so findings point at the line to edit. This only
 * searches the lines ingest already split off as front matter (lines 2 to `bodyLine - 2`); it parses nothing.
 */
export function locateFrontMatterLines(text: string, bodyLine: number, aliases: readonly string[]): FrontMatterLines {
  const result: FrontMatterLines = { keys: {}, aliases: {} };
  if (bodyLine <= 2) return result;
  const lines = text.split('\n', bodyLine - 1).slice(1, bodyLine - 2);
  const raw = lines.join('\n');
  for (const key of LOCATED_KEYS) {
    const line = lineOfKey(raw, key);
    if (line !== undefined) result.keys[key] = line;
  }
  const aliasesLine = result.keys.aliases;
  if (aliasesLine === undefined) return result;
  for (const alias of aliases) {
    result.aliases[alias] = lineOfListItem(lines, aliasesLine - 2, alias) ?? aliasesLine;
  }
  return result;
}

/** For a block list (`- item` lines under the key), the line holding `item`; undefined for inline lists. */
function lineOfListItem(lines: readonly string[], keyIndex: number, item: string): number | undefined {
  for (let i = keyIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() !== '' && !/^[ \t-]/.test(line)) return undefined;
    if (line.includes(item)) return i + 2;
  }
  return undefined;
}
