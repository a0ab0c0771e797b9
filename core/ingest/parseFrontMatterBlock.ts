import { parseDocument } from 'yaml';

/** Front-matter languages read as data; anything else after `---` (`js`, `toml`, `valueOf` …) is refused. */
const DATA_LANGUAGES = new Set(['', 'yaml', 'yml', 'json']);

/**
 * How many times aliases may be expanded while turning the YAML into data (the `yaml` package's own
 * measure, aliases times the aliases inside what they point at). A few hundred bytes of nested aliases
 * would otherwise expand to gigabytes ("billion laughs"); real front matter uses a handful.
 */
export const MAX_FRONT_MATTER_ALIASES = 100;

export type ParsedBlock =
  | { ok: true; value: unknown }
  | {
      ok: false;
      /** Why, in words a runbook author can act on. */
      reason: string;
      /** 1-based line inside the block, when known. */
      blockLine?: number | undefined;
    };

/**
 * Reads the text between the front-matter delimiters as data: YAML 1.2 (core schema, plus dates and `<<`
 * merge keys as js-yaml read them before), or JSON for `---json`. Never executes anything and never throws.
 */
export function parseFrontMatterBlock(language: string, raw: string): ParsedBlock {
  const lang = language.toLowerCase();
  if (!DATA_LANGUAGES.has(lang)) {
    return {
      ok: false,
      reason: `front matter in "${language}" is not supported (only YAML or JSON is read, never executed)`,
      blockLine: 0,
    };
  }
  if (raw.trim() === '') return { ok: true, value: null };
  return lang === 'json' ? parseJson(raw) : parseYaml(raw);
}

function parseJson(raw: string): ParsedBlock {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (error) {
    return { ok: false, reason: firstLine(error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * Deeper than any real front matter. The parser recurses per level; near the stack's end V8 can fail to
 * compile a regular expression and end the whole process as out of memory instead of throwing, so a
 * deeply nested block is refused before it is parsed.
 */
export const MAX_FRONT_MATTER_NESTING = 64;

function parseYaml(raw: string): ParsedBlock {
  const depth = flowNesting(raw);
  if (depth.max > MAX_FRONT_MATTER_NESTING) {
    return { ok: false, reason: `nested too deeply (more than ${MAX_FRONT_MATTER_NESTING} levels of [ ] or { })`, blockLine: depth.line };
  }
  try {
    const doc = parseDocument(raw, { schema: 'core', customTags: ['timestamp'], merge: true, uniqueKeys: true, prettyErrors: true });
    // An unknown tag (`!!js/function`, `!!binary`) would be read as plain text; js-yaml refused them, and so does this.
    const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (problem) {
      return { ok: false, reason: firstLine(problem.message), blockLine: problem.linePos?.[0].line };
    }
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_FRONT_MATTER_ALIASES }) as unknown };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return { ok: false, reason: `too many aliases (more than ${MAX_FRONT_MATTER_ALIASES} expansions of "*name" references)` };
    }
    return { ok: false, reason: firstLine(error instanceof Error ? error.message : String(error)) };
  }
}

/** The first line of a parser message, without the "at line 2, column 10:" the warning's line already gives. */
function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/\s*at line \d+, column \d+:?\s*$/, '')
    .trim();
}

/**
 * The deepest nesting of `[`/`{` and the 1-based block line where it first goes too deep. Brackets inside
 * quoted text count too: an apostrophe in plain text would otherwise hide what follows, and counting too
 * many only refuses front matter no one writes.
 */
function flowNesting(raw: string): { max: number; line: number } {
  let depth = 0;
  let max = 0;
  let line = 1;
  let tooDeepAt = 1;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 10) line++;
    else if (code === 91 || code === 123) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max === MAX_FRONT_MATTER_NESTING + 1) tooDeepAt = line;
      }
    } else if ((code === 93 || code === 125) && depth > 0) depth--;
  }
  return { max, line: tooDeepAt };
}
