import type { RunbookDatabase } from '../cache/runbookDatabase';
import { parseSearchQuery } from './parseSearchQuery';
import { searchFacets, type SearchFacets } from './searchFilters';
import {
  readAllSectionText,
  readStoredSearchIndexLazily,
  readWantedSectionText,
  refreshSearchIndex,
  saveSearchIndex,
  type SearchIndexState,
} from './searchIndexStore';
import { searchRunbooks, type SearchOptions, type SearchResponse } from './searchRunbooks';

export interface SearchServiceStatus {
  /** `loading`: reading the stored index; `indexing`: building it from the cache; `ready`: answering. */
  state: 'loading' | 'indexing' | 'ready';
  /** Runbooks in the index currently answering queries. */
  runbooks: number;
  /** The last refresh failed; queries are answered from the index as it was. */
  error?: string;
}

export interface SearchServiceOptions {
  /** Lets other work (queries) run before the warm-up and between batches of a full build; a worker passes a timeout. */
  pause?: () => Promise<void>;
  onStatus?: (status: SearchServiceStatus) => void;
  /**
   * After an incremental update, wait this long for more before writing the index (default 2000 ms): writing a
   * large index takes a moment, and syncs of several sources often land together. A full build is written at once.
   */
  saveDelayMs?: number;
}

/** A prefix and a whole word, so prefix expansion, clause scoring and snippets are all compiled. */
const WARM_UP_QUERY = 's restart';

/** Attempts at reading the section text a query shows before it is answered with what is there. */
const TEXT_READ_ATTEMPTS = 3;

/**
 * Owns the search index of one cache: loads the stored index at start (no re-indexing), brings it up to date
 * with the cache in the background, re-checks when told a source changed, persists after each change, and
 * answers queries from whatever index it has meanwhile. Runs wherever it is put — in the app, a Web Worker.
 */
export class SearchService {
  private state: SearchIndexState | undefined;
  private status: SearchServiceStatus = { state: 'loading', runbooks: 0 };
  private running: Promise<void> | undefined;
  private again = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: RunbookDatabase,
    private readonly options: SearchServiceOptions = {},
  ) {}

  /**
   * Loads the stored index without its section text, then reads the section text in the background while it
   * warms the query path up and refreshes the index from the cache (a query meanwhile reads the text it shows
   * first). Resolves when all are done.
   */
  async start(): Promise<void> {
    this.loading ??= this.loadStored();
    await this.loading;
    const state = this.state;
    // Its bytes were asked for with the columns; filling them in needs this thread free, hence the yield below.
    const textRead = state?.index.sections.pendingText
      ? readAllSectionText(this.db, state.index).then(
          () => true,
          () => false,
        )
      : Promise.resolve(true);
    // A query that came while the index was read runs first (it compiles the query path as the warm-up would),
    // and in the worker a running sync does too: the pause stands aside for it, as indexing does.
    await this.options.pause?.();
    this.warmUp();
    await this.refresh();
    if (!(await textRead)) {
      await this.reloadStored();
      return;
    }
    // Again with the text there: snippets are made from it, and their code ran on empty text the first time.
    this.warmUp();
  }

  /**
   * Answers one throwaway query while nothing waits. A process's first query compiles the search code and sizes
   * its working memory for the index: 25–35 ms for 1,000 runbooks in Node and several times that in a phone's
   * worker, against 2–7 ms for the next ones. Paid here, it is not added to the user's first keystroke.
   */
  private warmUp(): void {
    if (!this.state) return;
    searchRunbooks(this.state.index, WARM_UP_QUERY);
    // Its answer is thrown away, and so is its wish for text still in storage: a query must not wait for it.
    this.state.index.sections.pendingText?.wanted.clear();
  }

  private async loadStored(): Promise<void> {
    this.state = await readStoredSearchIndexLazily(this.db);
    if (this.state) this.setStatus({ state: 'ready', runbooks: this.state.index.runbooks.length });
  }

  /** The stored index was replaced while its text was being read (another window saved): read it again. */
  private async reloadStored(): Promise<void> {
    this.loading = this.loadStored();
    await this.loading;
    void this.refresh();
  }

  /**
   * Compares the cache with the index and applies the difference. Calls made while a refresh runs are folded
   * into one more refresh after it, so a burst of syncs costs at most two.
   */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.refreshOnce();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    if (!this.state) {
      const parsed = parseSearchQuery(query);
      return {
        query: parsed.text,
        truncated: parsed.truncated,
        empty: parsed.clauses.length === 0,
        runbooks: [],
        totalRunbooks: 0,
        suggestions: [],
      };
    }
    return searchRunbooks(this.state.index, query, options);
  }

  /**
   * `search`, after reading the section text its answer shows when that is still in storage; the answer is
   * the same as with all of the text in memory.
   */
  async answer(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    for (let failures = 0; ;) {
      const state = this.state;
      const response = this.search(query, options);
      const pending = state?.index.sections.pendingText;
      if (!state || !pending || pending.wanted.size === 0) return response;
      try {
        await readWantedSectionText(this.db, state.index);
      } catch {
        if (++failures >= TEXT_READ_ATTEMPTS) return response;
        await this.reloadStored();
      }
    }
  }

  facets(): SearchFacets {
    if (!this.state) return { sources: [], areas: [], tags: [], statuses: [], owners: [] };
    return searchFacets(this.state.index);
  }

  currentStatus(): SearchServiceStatus {
    return this.status;
  }

  private async refreshOnce(): Promise<void> {
    // A refresh asked for while the stored index is still being read works from that index, not from nothing.
    if (this.loading) await this.loading;
    try {
      if (!this.state) this.setStatus({ state: 'indexing', runbooks: 0 });
      const pause = this.options.pause;
      const result = await refreshSearchIndex(this.db, this.state, pause ? { pause } : {});
      this.state = result.state;
      this.setStatus({ state: 'ready', runbooks: result.state.index.runbooks.length });
      if (result.work === 'full') await this.save();
      else if (result.work === 'incremental') this.scheduleSave();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.setStatus({ state: this.state ? 'ready' : 'indexing', runbooks: this.state?.index.runbooks.length ?? 0, error: message });
    }
  }

  /** Writes a pending update now (for example before the app closes). */
  async flush(): Promise<void> {
    if (this.saveTimer !== undefined) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      await this.save();
    }
    await this.saving;
  }

  private scheduleSave(): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, this.options.saveDelayMs ?? 2000);
  }

  private save(): Promise<void> {
    const state = this.state;
    this.saving = this.saving
      .then(() => (state ? saveSearchIndex(this.db, state) : undefined))
      .catch((error: unknown) => {
        // The cache is the source of truth: an index that could not be written is rebuilt from it next time.
        this.setStatus({ ...this.status, error: error instanceof Error ? error.message : String(error) });
      });
    return this.saving;
  }

  private setStatus(status: SearchServiceStatus): void {
    this.status = status;
    this.options.onStatus?.(status);
  }
}
