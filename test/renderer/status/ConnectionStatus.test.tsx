// @vitest-environment jsdom
import '../support/domTest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourceRecord } from '../../../core/model';
import { ServicesProvider, type AppServices } from '../../../renderer/app/appServices';
import { db } from '../../../renderer/app/database';
import { ConnectionStatus } from '../../../renderer/status/ConnectionStatus';

const SOURCE: SourceRecord = {
  id: 'team',
  kind: 'git',
  name: 'Team runbooks',
  location: 'https://git.example.com/team/runbooks.git',
  version: 'a'.repeat(40),
  lastSyncAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
};

// Only the platform matters to the connectivity line; search and sync are never touched here.
const webServices = { db, platform: { kind: 'web' } } as unknown as AppServices;

let online = true;
const probeFetch = vi.fn<(url: string) => Promise<unknown>>();

beforeEach(async () => {
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  probeFetch.mockReset();
  vi.stubGlobal('fetch', probeFetch);
  await db.sources.put(SOURCE);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function show() {
  return render(
    <ServicesProvider services={webServices}>
      <ConnectionStatus />
    </ServicesProvider>,
  );
}

describe('ConnectionStatus (the app’s own connectivity signal)', () => {
  it('says nothing while the device is online and the probe reaches the host', async () => {
    probeFetch.mockResolvedValue({ type: 'opaque' });
    show();
    await waitFor(() =>
      expect(probeFetch).toHaveBeenCalledWith(
        'https://git.example.com/team/runbooks.git/info/refs?service=git-upload-pack',
        expect.objectContaining({ mode: 'no-cors' }),
      ),
    );
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says the host cannot be reached when the probe fails although navigator.onLine is true (VPN down)', async () => {
    probeFetch.mockRejectedValue(new TypeError('Failed to fetch'));
    show();
    expect((await screen.findByRole('status')).textContent).toBe("Can't reach git.example.com — showing the copy from 3 h ago.");
  });

  it('follows offline and online events, and probes again when the network comes back', async () => {
    probeFetch.mockResolvedValue({ type: 'opaque' });
    show();
    await waitFor(() => expect(probeFetch).toHaveBeenCalledTimes(1));
    online = false;
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect((await screen.findByRole('status')).textContent).toMatch(/^Offline — showing the copy from 3 h ago/);
    online = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    await waitFor(() => expect(probeFetch).toHaveBeenCalledTimes(2));
  });

  it('probes again each time a sync is due (every sync interval), so a VPN that drops while reading shows', async () => {
    // The page's timer for the sync interval is run by hand instead of by the clock; other timers (the
    // test library's own polling) keep working.
    const SYNC_INTERVAL_MS = 15 * 60_000;
    const due: (() => void)[] = [];
    const realSetInterval = window.setInterval.bind(window);
    vi.spyOn(window, 'setInterval').mockImplementation(((run: () => void, ms?: number) => {
      if (ms !== SYNC_INTERVAL_MS) return realSetInterval(run, ms);
      due.push(run);
      return 0;
    }) as typeof window.setInterval);
    probeFetch.mockResolvedValue({ type: 'opaque' });
    show();
    await waitFor(() => expect(probeFetch).toHaveBeenCalledTimes(1));
    // Set once the settings are read: the default is a sync every 15 minutes.
    await waitFor(() => expect(due).toHaveLength(1));
    expect(screen.queryByRole('status')).toBeNull();
    probeFetch.mockRejectedValue(new TypeError('Failed to fetch'));
    act(() => {
      due[0]!();
    });
    expect(probeFetch).toHaveBeenCalledTimes(2);
    expect((await screen.findByRole('status')).textContent).toBe("Can't reach git.example.com — showing the copy from 3 h ago.");
  });

  it('names CORS only when the probe reached the host that the sync could not read', async () => {
    probeFetch.mockResolvedValue({ type: 'opaque' });
    await db.sources.put({ ...SOURCE, lastError: { at: new Date().toISOString(), code: 'host-not-found', message: 'x' } });
    show();
    // Until the probe answers, the failed sync alone says the host could not be reached.
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^git\.example\.com answers but refuses this page's requests \(CORS\)/),
    );
  });

  it('on desktop asks main to probe the source by id (the page makes no request) and says when the host is unreachable', async () => {
    const probeHost = vi.fn(async (sourceId: string) => ({
      host: 'git.example.com',
      reached: sourceId !== 'team',
      at: new Date().toISOString(),
    }));
    const desktopServices = { db, platform: { kind: 'desktop', desktop: { probeHost } } } as unknown as AppServices;
    render(
      <ServicesProvider services={desktopServices}>
        <ConnectionStatus />
      </ServicesProvider>,
    );
    expect((await screen.findByRole('status')).textContent).toBe("Can't reach git.example.com — showing the copy from 3 h ago.");
    expect(probeHost).toHaveBeenCalledWith('team');
    expect(probeFetch).not.toHaveBeenCalled();
  });

  it('on desktop treats a probe main could not make (no saved address) as no evidence', async () => {
    const probeHost = vi.fn(async () => null);
    const desktopServices = { db, platform: { kind: 'desktop', desktop: { probeHost } } } as unknown as AppServices;
    render(
      <ServicesProvider services={desktopServices}>
        <ConnectionStatus />
      </ServicesProvider>,
    );
    await waitFor(() => expect(probeHost).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
