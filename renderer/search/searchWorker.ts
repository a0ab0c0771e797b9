/// <reference lib="webworker" />
/**
 * The search worker: holds the index, keeps it in step with the cache and answers queries, so the UI thread
 * never tokenizes, scores or builds anything. Started as a module worker by `searchClient.ts`.
 */
import { RunbookDatabase } from '../../core/cache/runbookDatabase';
import { clearRecentSearches, recentSearches, rememberSearch } from '../../core/search/recentSearches';
import { markSearch } from '../../core/search/searchIndexStore';
import { SearchService } from '../../core/search/searchService';
import { warmLocaleData } from '../app/warmLocaleData';
import { createIndexPause } from './pauseForRunningSync';
import type { SearchWorkerReply, SearchWorkerRequest } from './searchMessages';

declare const self: DedicatedWorkerGlobalScope;

markSearch('worker-start');
const post = (reply: SearchWorkerReply) => self.postMessage(reply);
const db = new RunbookDatabase();
const service = new SearchService(db, {
  // Queued messages (queries) run between batches of a build; a running sync is let through first.
  pause: createIndexPause({ locks: navigator.locks }),
  onStatus: (status) => post({ type: 'status', status }),
});

/** Only the newest query waiting is answered; older ones were overtaken by later keystrokes. */
let pendingSearch: Extract<SearchWorkerRequest, { type: 'search' }> | undefined;
let searchScheduled = false;
let answered = false;

async function runPendingSearch(): Promise<void> {
  const request = pendingSearch;
  pendingSearch = undefined;
  if (!request) {
    searchScheduled = false;
    return;
  }
  try {
    const started = performance.now();
    const response = await service.answer(request.query, request.filters ? { filters: request.filters } : {});
    post({ type: 'search', id: request.id, response, ms: performance.now() - started });
    if (!answered && response.runbooks.length > 0) {
      answered = true;
      markSearch('first-answer');
    }
  } catch (error) {
    post({ type: 'error', id: request.id, message: messageOf(error) });
  }
  // A query that came while this one read its text is answered next; one at a time, newest only.
  if (pendingSearch) setTimeout(() => void runPendingSearch(), 0);
  else searchScheduled = false;
}

async function handle(request: SearchWorkerRequest): Promise<void> {
  switch (request.type) {
    case 'search':
      if (!answered && request.query.trim() !== '') markSearch('query-in');
      pendingSearch = request;
      if (!searchScheduled) {
        searchScheduled = true;
        setTimeout(() => void runPendingSearch(), 0);
      }
      return;
    case 'facets':
      post({ type: 'facets', id: request.id, facets: service.facets() });
      return;
    case 'recent':
      post({ type: 'recent', id: request.id, queries: await recentSearches(db) });
      return;
    case 'remember':
      post({ type: 'recent', id: request.id, queries: await rememberSearch(db, request.query) });
      return;
    case 'clear-recent':
      await clearRecentSearches(db);
      post({ type: 'recent', id: request.id, queries: [] });
      return;
    case 'index-changed':
      await service.refresh();
      return;
    case 'flush':
      await service.flush();
      return;
  }
}

self.onmessage = (event: MessageEvent<SearchWorkerRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) =>
    post({ type: 'error', id: 'id' in request ? request.id : undefined, message: messageOf(error) }),
  );
};

post({ type: 'status', status: service.currentStatus() });
service.start().catch((error: unknown) => post({ type: 'error', message: messageOf(error) }));
// While IndexedDB reads the index: the page's first date and library sort then find the locale's data loaded.
warmLocaleData();

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
