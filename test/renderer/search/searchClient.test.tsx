// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SearchResponse } from '../../../core/search/searchResults';
import type { SearchWorkerReply, SearchWorkerRequest } from '../../../renderer/search/searchMessages';

/** The search worker as the page sees it: it records what it is asked; the test answers as the worker would. */
class FakeSearchWorker {
  static current: FakeSearchWorker | undefined;
  readonly asked: SearchWorkerRequest[] = [];
  onmessage: ((event: MessageEvent<SearchWorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeSearchWorker.current = this;
  }
  postMessage(message: SearchWorkerRequest) {
    this.asked.push(structuredClone(message));
  }
  terminate() {}
  reply(data: SearchWorkerReply) {
    this.onmessage?.({ data } as MessageEvent<SearchWorkerReply>);
  }
  /** The id of the latest search asked for `query`. */
  searchId(query: string): number {
    const asked = this.asked.filter((m): m is Extract<SearchWorkerRequest, { type: 'search' }> => m.type === 'search' && m.query === query);
    if (asked.length === 0) throw new Error(`"${query}" was never asked`);
    return asked.at(-1)!.id;
  }
  answer(query: string) {
    this.reply({ type: 'search', id: this.searchId(query), response: responseFor(query), ms: 1 });
  }
}
vi.stubGlobal('Worker', FakeSearchWorker);
afterAll(() => vi.unstubAllGlobals());

const { searchClient, useSearch } = await import('../../../renderer/search/searchClient');
const worker = () => FakeSearchWorker.current!;

function responseFor(query: string): SearchResponse {
  return { query, truncated: false, empty: false, runbooks: [], totalRunbooks: 0, suggestions: [] };
}

describe('searching as the query is typed', () => {
  it('shows the answer to what was typed a moment ago while the whole query is still on its way', async () => {
    const { result, rerender } = renderHook(({ query }) => useSearch(query), { initialProps: { query: 'fail' } });
    rerender({ query: 'failover' });
    // The worker had started on "fail" before "failover" came: its answer comes first.
    await act(async () => worker().answer('fail'));
    expect(result.current.response?.query).toBe('fail');
    expect(result.current.current).toBe(false);
    expect(result.current.pending).toBe(true);

    await act(async () => worker().answer('failover'));
    expect(result.current.response?.query).toBe('failover');
    expect(result.current.current).toBe(true);
    expect(result.current.pending).toBe(false);
  });

  it('settles searches the worker skipped for a newer one once the newer one is answered', async () => {
    const skipped = searchClient.search('dis');
    const answered = searchClient.search('disk');
    const latest = searchClient.search('disk full');
    worker().answer('disk');
    expect(await skipped).toBeUndefined();
    expect((await answered)?.query).toBe('disk');
    worker().answer('disk full');
    expect((await latest)?.query).toBe('disk full');
  });

  it('reports a failed search, and the searches it overtook end without an answer', async () => {
    const overtaken = searchClient.search('replica');
    const failing = searchClient.search('replica lag');
    worker().reply({ type: 'error', id: worker().searchId('replica lag'), message: 'The index could not be read.' });
    expect(await overtaken).toBeUndefined();
    await expect(failing).rejects.toThrow('The index could not be read.');
  });
});
