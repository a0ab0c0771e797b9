/**
 * Exact, prefix and typo-tolerant lookups over a sorted vocabulary. The sorted array doubles as an implicit
 * trie (all terms sharing a prefix are contiguous), so no tree has to be built when the index loads.
 */

/** Position of `term` in `terms`, or -1. */
export function findTerm(terms: readonly string[], term: string): number {
  const i = lowerBound(terms, term, 0, terms.length);
  return i < terms.length && terms[i] === term ? i : -1;
}

/** `[from, to)`: the terms that start with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string): [from: number, to: number] {
  const from = lowerBound(terms, prefix, 0, terms.length);
  let lo = from;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]!.startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return [from, lo];
}

/** First position whose term is not less than `term`. */
function lowerBound(terms: readonly string[], term: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface FuzzyMatch {
  /** Position in the vocabulary. */
  index: number;
  /** Edit distance (insertions, deletions, substitutions and swaps of neighbours), at least 1. */
  distance: number;
}

/**
 * Terms within `maxDistance` edits of `query` (the exact term itself excluded), found by walking the sorted
 * vocabulary as a trie and pruning every branch whose best possible distance is already too large.
 * Adjacent swaps (`monitorign`) count as one edit. With `fixedPrefix`, only terms sharing the query's first
 * `fixedPrefix` characters are considered.
 */
export function fuzzyTerms(terms: readonly string[], query: string, maxDistance: number, fixedPrefix = 0): FuzzyMatch[] {
  const m = query.length;
  const out: FuzzyMatch[] = [];
  if (m === 0 || maxDistance <= 0 || terms.length === 0) return out;
  const q = new Uint16Array(m);
  for (let i = 0; i < m; i++) q[i] = query.charCodeAt(i);
  const maxDepth = m + maxDistance;
  // rows[d] is the edit-distance row after d characters of the current path; rows[0] is the empty prefix.
  const rows: Int32Array[] = [];
  for (let d = 0; d <= maxDepth + 1; d++) rows.push(new Int32Array(m + 1));
  for (let k = 0; k <= m; k++) rows[0]![k] = k;
  const path = new Uint16Array(maxDepth + 1);

  const walk = (from: number, to: number, depth: number): void => {
    const row = rows[depth]!;
    if (terms[from]!.length === depth) {
      const distance = row[m]!;
      if (distance > 0 && distance <= maxDistance) out.push({ index: from, distance });
      from++;
    }
    if (depth >= maxDepth) return;
    const next = rows[depth + 1]!;
    const before = depth > 0 ? rows[depth - 1]! : undefined;
    while (from < to) {
      const c = terms[from]!.charCodeAt(depth);
      const end = charGroupEnd(terms, from, to, depth, c);
      next[0] = row[0]! + 1;
      let best = next[0];
      for (let k = 1; k <= m; k++) {
        const cost = q[k - 1] === c ? 0 : 1;
        let v = Math.min(row[k]! + 1, next[k - 1]! + 1, row[k - 1]! + cost);
        if (before && k > 1 && q[k - 1] === path[depth - 1] && q[k - 2] === c) v = Math.min(v, before[k - 2]! + 1);
        next[k] = v;
        if (v < best) best = v;
      }
      if (best <= maxDistance) {
        path[depth] = c;
        walk(from, end, depth + 1);
      }
      from = end;
    }
  };
  // Only terms that start like the query (a typo in the first letters is rare, and this prunes most of the walk).
  const fixed = Math.min(fixedPrefix, m);
  for (let d = 0; d < fixed; d++) {
    const c = q[d]!;
    const row = rows[d]!;
    const next = rows[d + 1]!;
    next[0] = row[0]! + 1;
    for (let k = 1; k <= m; k++) next[k] = Math.min(row[k]! + 1, next[k - 1]! + 1, row[k - 1]! + (q[k - 1] === c ? 0 : 1));
    path[d] = c;
  }
  const [from, to] = fixed > 0 ? prefixRange(terms, query.slice(0, fixed)) : [0, terms.length];
  if (from < to) walk(from, to, fixed);
  return out;
}

/** End of the run of terms (within `[from, to)`, all longer than `depth`) whose character at `depth` is `c`. */
function charGroupEnd(terms: readonly string[], from: number, to: number, depth: number, c: number): number {
  let lo = from + 1;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]!.charCodeAt(depth) <= c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
