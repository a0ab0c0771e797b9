/**
 * The UI side of search: a typed client for the search worker and the React hooks built on it. The worker is
 * started on first use (or by `startSearchWorker()`), so the UI thread never runs a query or builds the index.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SearchFacets, SearchFilters } from '../../core/search/searchFilters';
import type { SearchResponse } from '../../core/search/searchRunbooks';
import type { SearchServiceStatus } from '../../core/search/searchService';
import type { SearchWorkerReply, SearchWorkerRequest } from './searchMessages';

export interface SearchClientStatus extends SearchServiceStatus {
  /** Goes up whenever the worker reports on its index, so open searches re-run against the newer index. */
  generation: number;
  /** The worker itself could not run (search is unavailable). */
  unavailable?: string;
}

type Waiter = { resolve(value: unknown): void; reject(error: Error): void };

class SearchWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiter>();
  /** Searches asked and not yet answered, oldest first. */
  private readonly searches = new Set<number>();
  private status: SearchClientStatus = { state: 'loading', runbooks: 0, generation: 0 };
  private readonly listeners = new Set<() => void>();
  /** The first answer with results was received (marked once for bench/browser.ts). */
  private answered = false;

  start(): void {
    if (this.worker || this.status.unavailable) return;
    try {
      this.worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module', name: 'search' });
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    performance.mark('rr-search:worker-created');
    this.worker.onmessage = (event: MessageEvent<SearchWorkerReply>) => this.receive(event.data);
    this.worker.onerror = (event) => this.fail(event.message || 'The search worker stopped.');
    // The worker writes index updates a moment after they happen; do it now if the app may be closing.
    const flush = () => this.worker?.postMessage({ type: 'flush' } satisfies SearchWorkerRequest);
    addEventListener('pagehide', flush);
    addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  }

  /**
   * Resolves with the answer, or with `undefined` when the worker skipped this search for a newer one. A search
   * overtaken by the next keystroke is still answered if the worker had started on it: answers arrive in the
   * order asked, so each is newer than any before it, and a slow device shows results while the typing goes on.
   */
  search(query: string, filters?: SearchFilters): Promise<SearchResponse | undefined> {
    const id = this.nextId++;
    this.searches.add(id);
    return this.request<SearchResponse | undefined>(filters ? { type: 'search', id, query, filters } : { type: 'search', id, query });
  }

  facets(): Promise<SearchFacets> {
    return this.request({ type: 'facets', id: this.nextId++ });
  }

  recent(): Promise<string[]> {
    return this.request({ type: 'recent', id: this.nextId++ });
  }

  remember(query: string): Promise<string[]> {
    return this.request({ type: 'remember', id: this.nextId++, query });
  }

  clearRecent(): Promise<string[]> {
    return this.request({ type: 'clear-recent', id: this.nextId++ });
  }

  indexChanged(sourceId: string): void {
    this.send({ type: 'index-changed', sourceId });
  }

  getStatus = (): SearchClientStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private request<T>(message: SearchWorkerRequest & { id: number }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(message.id, { resolve, reject });
      if (!this.send(message)) this.settle(message.id, new Error(this.status.unavailable ?? 'Search is unavailable.'));
    });
  }

  private send(message: SearchWorkerRequest): boolean {
    this.start();
    if (!this.worker) return false;
    this.worker.postMessage(message);
    return true;
  }

  private receive(reply: SearchWorkerReply): void {
    switch (reply.type) {
      case 'status':
        this.setStatus({ ...reply.status, generation: this.status.generation + 1 });
        return;
      case 'search':
        if (!this.answered && reply.response.runbooks.length > 0) {
          this.answered = true;
          performance.mark('rr-search:first-answer-received');
        }
        this.settleSearch(reply.id, reply.response);
        return;
      case 'facets':
        this.settle(reply.id, reply.facets);
        return;
      case 'recent':
        this.settle(reply.id, reply.queries);
        return;
      case 'error':
        if (reply.id === undefined) this.setStatus({ ...this.status, error: reply.message });
        else if (this.searches.has(reply.id)) this.settleSearch(reply.id, new Error(reply.message));
        else this.settle(reply.id, new Error(reply.message));
        return;
    }
  }

  /** Settles search `id` and every older one still waiting: the worker skipped those and will not answer them. */
  private settleSearch(id: number, outcome: unknown): void {
    for (const waiting of this.searches) {
      if (waiting > id) break;
      this.searches.delete(waiting);
      this.settle(waiting, waiting === id ? outcome : undefined);
    }
  }

  private settle(id: number, outcome: unknown): void {
    const waiter = this.waiting.get(id);
    if (!waiter) return;
    this.waiting.delete(id);
    if (outcome instanceof Error) waiter.reject(outcome);
    else waiter.resolve(outcome);
  }

  private fail(message: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.setStatus({ ...this.status, unavailable: `Search is unavailable: ${message}` });
    this.searches.clear();
    for (const id of [...this.waiting.keys()]) this.settle(id, new Error(this.status.unavailable));
  }

  private setStatus(status: SearchClientStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}

/** The one search worker client of this window. */
export const searchClient = new SearchWorkerClient();

/** Starts the worker now, so the index is loaded before the first search (otherwise it starts on first use). */
export function startSearchWorker(): void {
  searchClient.start();
}

/** Tell search that a change set was applied to the cache for `sourceId`; the worker updates its index from the cache. */
export function notifySearchIndexChanged(sourceId: string): void {
  searchClient.indexChanged(sourceId);
}

export function useSearchStatus(): SearchClientStatus {
  return useSyncExternalStore(searchClient.subscribe, searchClient.getStatus, searchClient.getStatus);
}

export interface SearchState {
  /** The answer to the latest query (kept while the next one is on its way, so results do not flicker). */
  response?: SearchResponse;
  /** A newer query is being answered. */
  pending: boolean;
  /** `response` answers the query and filters asked for now (not an earlier prefix of what is being typed). */
  current: boolean;
  error?: string;
  status: SearchClientStatus;
}

/**
 * Searches as the query changes and re-runs when the index changes. Every answer that arrives is shown (they come
 * in the order asked, so each is newer than the last): while a fast typist is still typing, the answer to what
 * was typed a moment ago fills the list, marked not `current` and still `pending` until the latest one arrives.
 */
export function useSearch(query: string, filters?: SearchFilters): SearchState {
  const status = useSearchStatus();
  const [state, setState] = useState<Omit<SearchState, 'status' | 'current'> & { answered?: string }>({ pending: false });
  const filtersKey = JSON.stringify(filters ?? {});
  const asked = `${filtersKey}\n${query}`;
  useEffect(() => {
    let latest = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- marks the start of the search this effect starts; its answer arrives asynchronously below
    setState((previous) => ({ ...previous, pending: true }));
    searchClient.search(query, filters).then(
      (response) => {
        if (response) setState({ response, pending: !latest, answered: asked });
      },
      (error: unknown) => {
        if (latest)
          setState((previous) => ({ ...previous, pending: false, error: error instanceof Error ? error.message : String(error) }));
      },
    );
    return () => {
      latest = false;
    };
    // `filters` is compared by value through `filtersKey`; a new object with the same filters is the same search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, filtersKey, status.generation]);
  const { answered, ...shown } = state;
  return { ...shown, current: answered === asked, status };
}
