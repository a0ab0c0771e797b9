import { foldSearchText } from './foldSearchText';
import type { SearchIndex } from './searchIndexData';

/** Narrow a search to runbooks with these values; several values of one filter mean any of them. */
export interface SearchFilters {
  sources?: string[];
  areas?: string[];
  tags?: string[];
  statuses?: string[];
  owners?: string[];
}

export interface FacetValue {
  value: string;
  /** Runbooks with this value. */
  count: number;
}

/** The values each filter can take in this index, most common first. */
export interface SearchFacets {
  sources: FacetValue[];
  areas: FacetValue[];
  tags: FacetValue[];
  statuses: FacetValue[];
  owners: FacetValue[];
}

/** Which runbooks pass the filters (1) — or `undefined` when no filter is set. Values match ignoring case and accents. */
export function runbookFilter(index: SearchIndex, filters: SearchFilters | undefined): Uint8Array | undefined {
  if (!filters) return undefined;
  const wanted = (values: string[] | undefined) => (values && values.length > 0 ? new Set(values.map(foldSearchText)) : undefined);
  const sources = filters.sources && filters.sources.length > 0 ? new Set(filters.sources) : undefined;
  const areas = wanted(filters.areas);
  const tags = wanted(filters.tags);
  const statuses = wanted(filters.statuses);
  const owners = wanted(filters.owners);
  if (!sources && !areas && !tags && !statuses && !owners) return undefined;
  const has = (set: Set<string> | undefined, value: string | undefined) => !set || (value !== undefined && set.has(foldSearchText(value)));
  return Uint8Array.from(index.runbooks, (r) =>
    (!sources || sources.has(r.sourceId)) &&
    has(areas, r.area) &&
    has(statuses, r.status) &&
    has(owners, r.owner) &&
    (!tags || r.tags.some((t) => tags.has(foldSearchText(t))))
      ? 1
      : 0,
  );
}

export function searchFacets(index: SearchIndex): SearchFacets {
  const count = (values: (string | undefined)[]) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== undefined && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts]
      .map(([value, n]) => ({ value, count: n }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  };
  return {
    sources: count(index.runbooks.map((r) => r.sourceId)),
    areas: count(index.runbooks.map((r) => r.area)),
    tags: count(index.runbooks.flatMap((r) => r.tags)),
    statuses: count(index.runbooks.map((r) => r.status)),
    owners: count(index.runbooks.map((r) => r.owner)),
  };
}
