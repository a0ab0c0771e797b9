import { BUNDLED_SOURCE_ID } from '../model';
import { foldSearchText } from './foldSearchText';
import type { RunbookHit } from './searchResults';
import type { SearchIndex } from './searchIndexData';

/**
 * Once a team's repository has synced, the runbooks it shares with the bundled set (the same path, or the
 * same title) are the team's copies: a bundled hit whose team copy is in the answer is folded under it (listed
 * in its `copies`), and the team's hit takes the better place and score of the two. A bundled hit whose team
 * copy did not match stays where it is. Returns the hits in their new order.
 */
export function foldDuplicateCopies(index: SearchIndex, hits: RunbookHit[]): RunbookHit[] {
  const teamCopy = teamCopiesOf(index);
  if (teamCopy.size === 0) return hits;
  const position = new Map(hits.map((hit, i) => [`${hit.sourceId}|${hit.path}`, i]));
  const folded = new Set<number>();
  const place = hits.map((_, i) => i);
  hits.forEach((hit, i) => {
    if (hit.sourceId !== BUNDLED_SOURCE_ID) return;
    const copy = teamCopy.get(hit.path);
    const at = copy === undefined ? undefined : position.get(copy);
    if (at === undefined) return;
    const team = hits[at]!;
    (team.copies ??= []).push({ sourceId: hit.sourceId, path: hit.path, title: hit.title });
    if (hit.score > team.score) team.score = hit.score;
    place[at] = Math.min(place[at]!, i);
    folded.add(i);
  });
  return hits
    .map((hit, i) => ({ hit, i }))
    .filter(({ i }) => !folded.has(i))
    .sort((a, b) => place[a.i]! - place[b.i]! || a.i - b.i)
    .map(({ hit }) => hit);
}

/** Whether any bundled runbook of the index has a team copy (only then can an answer fold anything). */
export function hasTeamCopies(index: SearchIndex): boolean {
  return teamCopiesOf(index).size > 0;
}

/** Bundled path → `sourceId|path` of its team copy, per index (an index never changes; an update makes a new one). */
function teamCopiesOf(index: SearchIndex): Map<string, string> {
  let copies = memo.get(index);
  if (copies) return copies;
  copies = new Map();
  const byTitle = new Map<string, string>();
  const byName = new Map<string, { path: string; key: string }[]>();
  for (const r of index.runbooks) {
    if (r.sourceId === BUNDLED_SOURCE_ID) continue;
    const key = `${r.sourceId}|${r.path}`;
    if (!byTitle.has(foldTitle(r.title))) byTitle.set(foldTitle(r.title), key);
    const named = byName.get(fileName(r.path));
    if (named) named.push({ path: r.path, key });
    else byName.set(fileName(r.path), [{ path: r.path, key }]);
  }
  if (byTitle.size > 0) {
    for (const r of index.runbooks) {
      if (r.sourceId !== BUNDLED_SOURCE_ID) continue;
      // The same path inside the team's repository (often under a docs folder), else the same title.
      const samePath = byName.get(fileName(r.path))?.find((t) => t.path === r.path || t.path.endsWith(`/${r.path}`));
      const copy = samePath?.key ?? byTitle.get(foldTitle(r.title));
      if (copy !== undefined) copies.set(r.path, copy);
    }
  }
  memo.set(index, copies);
  return copies;
}

const memo = new WeakMap<SearchIndex, Map<string, string>>();

function foldTitle(title: string): string {
  return foldSearchText(title.toLowerCase()).replace(/\s+/g, ' ').trim();
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}
