import type { FacetValue, SearchFacets, SearchFilters } from '../../core/search/searchFilters';

type FilterKey = keyof SearchFilters & keyof SearchFacets;

const GROUPS: { key: FilterKey; label: string }[] = [
  { key: 'sources', label: 'Source' },
  { key: 'areas', label: 'Area' },
  { key: 'tags', label: 'Tag' },
  { key: 'statuses', label: 'Status' },
  { key: 'owners', label: 'Owner' },
];

/** Values shown per filter; selected values always stay visible. */
const MAX_CHIPS = 15;

interface Props {
  id: string;
  facets: SearchFacets | undefined;
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
  /** Display name of a source id. */
  sourceName: (id: string) => string;
}

/** Toggle chips for each filter (source, area, tag, status, owner); several chips of one filter mean any of them. */
export function SearchFilterChips({ id, facets, filters, onChange, sourceName }: Props) {
  if (!facets) return <p className="rr-search-note">Loading filters…</p>;
  const toggle = (key: FilterKey, value: string) => {
    const current = filters[key] ?? [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    onChange({ ...filters, [key]: next });
  };
  const groups = GROUPS.filter(({ key }) => facets[key].length > (key === 'sources' ? 1 : 0));
  if (groups.length === 0) return <p className="rr-search-note">No filters: the runbooks have no areas, tags, statuses or owners.</p>;
  return (
    <div id={id} className="rr-search-filters">
      {groups.map(({ key, label }) => (
        <div key={key} className="rr-search-filter-group" role="group" aria-label={`Filter by ${label.toLowerCase()}`}>
          <span className="rr-search-filter-label" aria-hidden="true">
            {label}
          </span>
          {visibleValues(facets[key], filters[key] ?? []).map((facet) => {
            const on = (filters[key] ?? []).includes(facet.value);
            const name = key === 'sources' ? sourceName(facet.value) : facet.value;
            return (
              <button
                key={facet.value}
                type="button"
                className="rr-search-chip"
                aria-pressed={on}
                aria-label={`${label} ${name}, ${facet.count} runbook${facet.count === 1 ? '' : 's'}`}
                onClick={() => toggle(key, facet.value)}
              >
                {name}
                <span className="rr-search-chip-count" aria-hidden="true">
                  {facet.count}
                </span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

function visibleValues(values: FacetValue[], selected: string[]): FacetValue[] {
  const shown = values.slice(0, MAX_CHIPS);
  for (const value of selected) {
    if (!shown.some((f) => f.value === value)) shown.push(values.find((f) => f.value === value) ?? { value, count: 0 });
  }
  return shown;
}

/** How many filter values are selected in all. */
export function countFilters(filters: SearchFilters): number {
  return GROUPS.reduce((n, { key }) => n + (filters[key]?.length ?? 0), 0);
}
