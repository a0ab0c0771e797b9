import { slug } from 'github-slugger';
import { joinSourcePath } from './resolveRunbookLink';
import type { SourceFileIndex } from './sourceFileIndex';
import type { Wikilink } from './wikilinkSyntax';

export type WikilinkTarget =
  /** A runbook or another file of the source (an image), with the heading's anchor id if one was named. */
  | { kind: 'file'; path: string; anchor?: string | undefined }
  /** `[[#Heading]]`: a heading of the page the link is in. */
  | { kind: 'anchor'; anchor: string }
  | { kind: 'missing'; reason: string }
  | { kind: 'ambiguous'; candidates: readonly string[]; reason: string };

type Lookup = { found: string } | { ambiguous: readonly string[] } | undefined;

const MARKDOWN = /\.(md|markdown)$/i;

/**
 * Finds what a wikilink in the runbook at `fromPath` points to, the way Obsidian does: a `./` or `../` path
 * from the runbook's folder; otherwise the exact path from the source's root, then from the runbook's folder,
 * then the one file with that name anywhere (capitals ignored, `.md` optional). Two files with the name make
 * the link ambiguous rather than a guess.
 */
export function resolveWikilink(fromPath: string, link: Wikilink, index: SourceFileIndex): WikilinkTarget {
  const anchor = link.heading ? slug(link.heading) : undefined;
  const target = link.target.replace(/\\/g, '/');
  if (target === '') {
    return anchor ? { kind: 'anchor', anchor } : { kind: 'missing', reason: 'The wikilink names no page.' };
  }
  if (/[\0-\x1f\x7f]/.test(target)) return { kind: 'missing', reason: 'The wikilink contains characters a path cannot have.' };

  let lookup: Lookup;
  if (target.startsWith('./') || target.startsWith('../')) {
    const path = joinSourcePath(fromPath, target);
    if (path === '..' || path.startsWith('../')) {
      return { kind: 'missing', reason: `"${link.target}" points outside this source, so it is not in the offline copy.` };
    }
    lookup = byPath(index, path);
  } else {
    lookup =
      byPath(index, target.replace(/^\/+/, '')) ?? (fromPath.includes('/') ? byPath(index, joinSourcePath(fromPath, target)) : undefined);
    lookup ??= byName(index, target.replace(/^\/+/, ''));
  }
  if (lookup && 'found' in lookup) return anchor ? { kind: 'file', path: lookup.found, anchor } : { kind: 'file', path: lookup.found };
  if (lookup) return { kind: 'ambiguous', candidates: lookup.ambiguous, reason: ambiguity(link.target, lookup.ambiguous) };
  return { kind: 'missing', reason: `Nothing named "${link.target}" is in this source — the link is broken.` };
}

function byPath(index: SourceFileIndex, path: string): Lookup {
  if (index.has(path)) return { found: path };
  if (!MARKDOWN.test(path) && index.has(`${path}.md`)) return { found: `${path}.md` };
  const matches = unique([...index.withPathIgnoringCase(path), ...(MARKDOWN.test(path) ? [] : index.withPathIgnoringCase(`${path}.md`))]);
  return oneOrMany(matches);
}

/** The file with that name anywhere in the source; a target with folders (`ops/setup`) must match the path's end. */
function byName(index: SourceFileIndex, target: string): Lookup {
  const name = target.slice(target.lastIndexOf('/') + 1);
  const candidates = unique([...index.withName(name), ...(MARKDOWN.test(name) ? [] : index.withName(`${name}.md`))]);
  if (!target.includes('/')) return oneOrMany(candidates);
  const tail = `/${target.toLowerCase()}`;
  return oneOrMany(
    candidates.filter((path) => {
      const lower = `/${path.toLowerCase()}`;
      return lower.endsWith(tail) || lower.endsWith(`${tail}.md`);
    }),
  );
}

function oneOrMany(paths: readonly string[]): Lookup {
  if (paths.length === 0) return undefined;
  return paths.length === 1 ? { found: paths[0]! } : { ambiguous: [...paths].sort() };
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}

function ambiguity(target: string, candidates: readonly string[]): string {
  const what = candidates.every((path) => MARKDOWN.test(path)) ? 'runbooks' : 'files';
  const shown = candidates.slice(0, 3).join(', ') + (candidates.length > 3 ? ', …' : '');
  return `${candidates.length} ${what} are named "${target}" — link is ambiguous (${shown}); write the path to choose one.`;
}

/**
 * An href, relative to the runbook at `fromPath`, that resolveRunbookLink turns back into `toPath`: how a
 * resolved wikilink joins the ordinary link handling (cached or not, external or not).
 */
export function relativeHref(fromPath: string, toPath: string, anchor?: string): string {
  const from = fromPath.split('/').slice(0, -1);
  const to = toPath.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const parts = [...Array<string>(from.length - common).fill('..'), ...to.slice(common).map(encodeURIComponent)];
  return parts.join('/') + (anchor ? `#${encodeURIComponent(anchor)}` : '');
}
