/**
 * The messages between the UI and the search worker. Every request that expects an answer carries an id; the
 * answer repeats it. The worker answers searches in the order they were asked, one at a time, and skips any
 * overtaken by a newer one while it was busy; so an answer also tells the client that every older search
 * still waiting will never be answered.
 */
import type { SearchFacets, SearchFilters } from '../../core/search/searchFilters';
import type { SearchResponse } from '../../core/search/searchRunbooks';
import type { SearchServiceStatus } from '../../core/search/searchService';

export type SearchWorkerRequest =
  | { type: 'search'; id: number; query: string; filters?: SearchFilters }
  | { type: 'facets'; id: number }
  | { type: 'recent'; id: number }
  | { type: 'remember'; id: number; query: string }
  | { type: 'clear-recent'; id: number }
  /** A change set was applied to the cache for this source: bring the index up to date. */
  | { type: 'index-changed'; sourceId: string }
  /** The page is going away or hidden: write a pending index update now. */
  | { type: 'flush' };

export type SearchWorkerReply =
  | { type: 'search'; id: number; response: SearchResponse; ms: number }
  | { type: 'facets'; id: number; facets: SearchFacets }
  | { type: 'recent'; id: number; queries: string[] }
  | { type: 'status'; status: SearchServiceStatus }
  | { type: 'error'; id?: number | undefined; message: string };
