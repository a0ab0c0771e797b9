import type { RunbookLink } from '../model';
import type { ExaminedFile } from './examineRunbookFile';
import { finding, type Finding } from './finding';
import { suggestClosest } from './suggestClosest';

/**
 * The rules that look across the tree: links to runbooks that are not there, anchors that match no heading,
 * images that are not there. Links that leave the tree (`../` above its root) point outside the checked set
 * by design and are not judged.
 */
export function checkLinkTargets(examined: readonly ExaminedFile[], assetPaths: readonly string[] = []): Finding[] {
  const runbooks = new Map<string, ExaminedFile>();
  for (const e of examined) runbooks.set(e.kind === 'runbook' ? e.meta.path : e.skipped.path, e);
  const assets = new Set(assetPaths);
  const headingIds = new Map<string, Set<string>>();
  const idsOf = (e: ExaminedFile & { kind: 'runbook' }) => {
    let ids = headingIds.get(e.meta.path);
    if (!ids) {
      ids = new Set(e.meta.headings.map((h) => h.id));
      headingIds.set(e.meta.path, ids);
    }
    return ids;
  };

  const out: Finding[] = [];
  for (const e of examined) {
    if (e.kind !== 'runbook') continue;
    const file = e.meta.path;
    for (const link of e.meta.links) {
      const target = link.target;
      if (target.kind === 'anchor') {
        if (!link.image && !idsOf(e).has(target.anchor)) out.push(brokenAnchor(file, link, target.anchor, idsOf(e), undefined));
        continue;
      }
      if (target.kind === 'runbook') {
        if (leavesTree(target.path)) continue;
        const linked = runbooks.get(target.path);
        if (!linked) {
          const hint = suggestClosest(target.path, runbooks.keys());
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
          out.push(brokenAnchor(file, link, target.anchor, idsOf(linked), linked.meta.path === file ? undefined : linked.meta.path));
        }
        continue;
      }
      if (target.kind === 'asset' && link.image && !leavesTree(target.path) && !assets.has(target.path)) {
        const hint = suggestClosest(target.path, assets);
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

function brokenAnchor(file: string, link: RunbookLink, anchor: string, ids: ReadonlySet<string>, otherPath: string | undefined): Finding {
  const where = otherPath === undefined ? 'this runbook' : quote(otherPath);
  const hint = suggestClosest(anchor, ids);
  return finding(
    file,
    'broken-anchor',
    `Link "${link.href}" points to "#${anchor}", which matches no heading in ${where}${hint ? `; did you mean "#${hint}"?` : '.'}`,
    link.line,
  );
}

function leavesTree(path: string): boolean {
  return path === '..' || path.startsWith('../');
}

function quote(path: string): string {
  return `"${path}"`;
}
