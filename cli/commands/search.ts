import { parseArgs } from 'node:util';
import { buildSearchIndex } from '../../core/search/buildSearchIndex';
import { searchRunbooks } from '../../core/search/searchRunbooks';
import { escapeControlChars } from '../../core/terminal/escapeControlChars';
import { loadRunbookSet, RunbookSetUnreadable } from '../loadRunbookSet';
import { usageError } from '../usageError';

export const SEARCH_USAGE = `Usage: runbook-reader search <query> [DIR | --state DIR] [options]

Searches the runbooks of DIR (default: the current folder), or of the commit a "sync" or "import" state
folder holds, with the app's own search (titles, aliases, headings, body, typo-tolerant), and prints the
best sections first.

Options:
  --state DIR   search the runbooks a state folder holds instead of a folder on disk
  --limit N     print at most N sections (default 10)
  --json        print a JSON array of {path, anchor, title, heading, score}, best first
  -h, --help    show this help

Exit status: 0 something matched, 1 nothing matched, 2 usage error or unreadable folder.`;

/** One ranked section, as `--json` prints it. */
export interface SearchJsonHit {
  path: string;
  /** Heading anchor (`''`: the top of the runbook). */
  anchor: string;
  title: string;
  heading: string;
  score: number;
}

export async function searchCommand(argv: string[]): Promise<number> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(argv);
  } catch (error) {
    return usageError('search', (error as Error).message);
  }
  if (options.help) {
    process.stdout.write(`${SEARCH_USAGE}\n`);
    return 0;
  }
  let set;
  try {
    set = await loadRunbookSet(options);
  } catch (error) {
    if (error instanceof RunbookSetUnreadable) return usageError('search', error.message);
    throw error;
  }
  const index = buildSearchIndex(set.runbooks);
  const response = searchRunbooks(index, options.query, { maxRunbooks: options.limit, sectionsPerRunbook: 3 });
  const hits: (SearchJsonHit & { snippet: string })[] = response.runbooks
    .flatMap((r) =>
      r.sections.map((s) => ({ path: r.path, anchor: s.anchor, title: r.title, heading: s.heading, score: s.score, snippet: s.snippet })),
    )
    .sort((a, b) => b.score - a.score)
    .slice(0, options.limit);

  if (options.json) {
    const json: SearchJsonHit[] = hits.map(({ path, anchor, title, heading, score }) => ({
      path,
      anchor,
      title,
      heading,
      score: Math.round(score * 1000) / 1000,
    }));
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (hits.length === 0) {
    const near = response.suggestions.map((s) => s.title);
    process.stdout.write(
      `No section matches "${escapeControlChars(options.query)}".${near.length > 0 ? ` Closest titles: ${near.map(escapeControlChars).join('; ')}.` : ''}\n`,
    );
  } else {
    process.stdout.write(hits.map((hit, i) => describeHit(hit, i + 1)).join('\n'));
  }
  return hits.length > 0 ? 0 : 1;
}

function describeHit(hit: SearchJsonHit & { snippet: string }, rank: number): string {
  const where = `${hit.path}${hit.anchor ? `#${hit.anchor}` : ''}`;
  const heading = hit.heading && hit.heading !== hit.title ? `${hit.heading} — ${hit.title}` : hit.title;
  const lines = [
    `${String(rank).padStart(2)}. ${escapeControlChars(heading)}`,
    `    ${escapeControlChars(where)}  (score ${hit.score.toFixed(1)})`,
  ];
  if (hit.snippet) lines.push(`    ${escapeControlChars(hit.snippet)}`);
  return `${lines.join('\n')}\n`;
}

function readOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      state: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true, query: '', dir: '.', state: undefined, limit: 10, json: false };
  const [query, dir, ...extra] = positionals;
  if (query === undefined || query.trim() === '') throw new Error('a query is required');
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"`);
  if (dir !== undefined && values.state !== undefined) throw new Error('give either a folder or --state, not both');
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new Error(`--limit must be a whole number from 1 to 1000, not "${values.limit}"`);
  return { help: false, query, dir: dir ?? '.', state: values.state, limit, json: values.json };
}
