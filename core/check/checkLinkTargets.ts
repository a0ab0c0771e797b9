import { resolveRunbookLink } from '../links/resolveRunbookLink';
import { resolveWikilink } from '../links/resolveWikilink';
import type { LinkTarget } from '../model';
import { SourceFileIndex } from '../links/sourceFileIndex';
import type { CheckedLink, ExaminedFile, ExaminedRunbook } from './examineRunbookFile';
import { finding, type Finding } from './finding';
import { suggestClosest } from './suggestClosest';

/**
 * The rules that look across the tree: links to runbooks that are not there, anchors that match no heading,
 * images that are not there, wikilinks that find no file or more than one (resolved as the reader does). Links that leave the tree (`../` above its root) point outside the checked set
 * by design and are not judged.
 */
export function checkLinkTargets(examined: readonly ExaminedFile[], assetPaths: readonly string[] = [], repoFolder?: string): Finding[] {
  const runbooks = new Map<string, ExaminedFile>();
  for (const e of examined) runbooks.set(e.path, e);
  const assets = new Set(assetPaths);
  const runbookNames = new PathIndex(runbooks.keys());
  const assetNames = new PathIndex(assets);
  const headingIds = new Map<string, Set<string>>();
  const idsOf = (e: ExaminedRunbook) => {
    let ids = headingIds.get(e.path);
    if (!ids) {
      ids = new Set(e.headingIds);
      headingIds.set(e.path, ids);
    }
    return ids;
  };

  const out: Finding[] = [];
  let wikilinkIndex: SourceFileIndex | undefined;
  for (const e of examined) {
    if (e.kind !== 'runbook') continue;
    const file = e.path;
    // An examination remembered by an older checker has no wikilinks; the cache's fingerprint normally prevents it.
    for (const wikilink of e.wikilinks ?? []) {
      wikilinkIndex ??= new SourceFileIndex(runbooks.keys(), assets);
      const target = resolveWikilink(file, wikilink.link, wikilinkIndex);
      const link = { href: wikilink.raw, line: wikilink.line };
      if (target.kind === 'missing' || target.kind === 'ambiguous') {
        out.push(finding(file, 'broken-wikilink', `Wikilink "${wikilink.raw}": ${target.reason}`, wikilink.line));
      } else if (target.kind === 'anchor') {
        if (!idsOf(e).has(target.anchor)) out.push(brokenAnchor(file, link, target.anchor, idsOf(e), undefined));
      } else if (target.anchor !== undefined) {
        const linked = runbooks.get(target.path);
        if (linked?.kind === 'runbook' && !idsOf(linked).has(target.anchor)) {
          out.push(brokenAnchor(file, link, target.anchor, idsOf(linked), linked.path === file ? undefined : linked.path));
        }
      }
    }
    for (const link of e.links) {
      const target = repoFolder ? fromRepositoryRoot(file, link, repoFolder) : link.target;
      // A file of the repository outside the checked folder is not part of the checked set, like `../` links.
      if (target.kind === 'outside') continue;
      if (target.kind === 'anchor') {
        if (!link.image && !idsOf(e).has(target.anchor)) out.push(brokenAnchor(file, link, target.anchor, idsOf(e), undefined));
        continue;
      }
      if (target.kind === 'runbook') {
        if (leavesTree(target.path)) continue;
        const linked = runbooks.get(target.path);
        // A Markdown file the caller did not ask to check (say in .github) exists all the same.
        if (!linked && assets.has(target.path)) continue;
        if (!linked) {
          const hint = runbookNames.suggest(target.path);
          out.push(
            finding(
              file,
              'broken-link',
              `Link "${link.href}" points to ${quote(target.path)}, which is not in this tree${hint ? `; did you mean ${quote(hint)}?` : '; fix the path or remove the link.'}`,
              link.line,
            ),
          );
          continue;
        }
        // A skipped target has no headings to compare with; its own skipped-file finding says why.
        if (target.anchor !== undefined && linked.kind === 'runbook' && !idsOf(linked).has(target.anchor)) {
          out.push(brokenAnchor(file, link, target.anchor, idsOf(linked), linked.path === file ? undefined : linked.path));
        }
        continue;
      }
      if (target.kind === 'asset' && link.image && !leavesTree(target.path) && !assets.has(target.path)) {
        const hint = assetNames.suggest(target.path);
        out.push(
          finding(
            file,
            'missing-image',
            `Image "${link.href}" points to ${quote(target.path)}, which is not in this tree${hint ? `; did you mean ${quote(hint)}?` : '.'}`,
            link.line,
          ),
        );
      }
    }
  }
  return out;
}

/** Ingest reads `/x` from the file's source root; in a folder of a repository GitHub reads it from the repository's. */
function fromRepositoryRoot(file: string, link: CheckedLink, repoFolder: string): LinkTarget {
  const href = link.href.trim();
  return href.startsWith('/') && !href.startsWith('//') ? resolveRunbookLink(file, href, { subdir: repoFolder }) : link.target;
}

function brokenAnchor(
  file: string,
  link: Pick<CheckedLink, 'href' | 'line'>,
  anchor: string,
  ids: ReadonlySet<string>,
  otherPath: string | undefined,
): Finding {
  const where = otherPath === undefined ? 'this runbook' : quote(otherPath);
  const hint = suggestClosest(anchor, ids);
  return finding(
    file,
    'broken-anchor',
    `Link "${link.href}" points to "#${anchor}", which matches no heading in ${where}${hint ? `; did you mean "#${hint}"?` : '.'}`,
    link.line,
  );
}

/**
 * Suggestions for a path that is not there: the same path in other capitals anywhere in the tree, else a
 * near miss in the same folder. Comparing with every path in a large tree would cost more than the check.
 */
class PathIndex {
  private readonly byLowerCase = new Map<string, string>();
  private readonly byFolder = new Map<string, string[]>();

  constructor(paths: Iterable<string>) {
    for (const path of paths) {
      this.byLowerCase.set(path.toLowerCase(), path);
      const folder = folderOf(path);
      const siblings = this.byFolder.get(folder);
      if (siblings) siblings.push(path);
      else this.byFolder.set(folder, [path]);
    }
  }

  suggest(path: string): string | undefined {
    return this.byLowerCase.get(path.toLowerCase()) ?? suggestClosest(path, this.byFolder.get(folderOf(path)) ?? []);
  }
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash).toLowerCase();
}

function leavesTree(path: string): boolean {
  return path === '..' || path.startsWith('../');
}

function quote(path: string): string {
  return `"${path}"`;
}
