// @vitest-environment jsdom
import '../support/domTest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeSetting } from '../../../core/userdata/settings';
import { db } from '../../../renderer/app/database';
import { MAX_SHOWN_IMAGE_BYTES } from '../../../renderer/runbook/ContentImage';
import { MarkdownView } from '../../../renderer/runbook/MarkdownView';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';
import { SourceFilesContext } from '../../../renderer/runbook/SourceFilesContext';
import { NEAR_VIEWPORT_MARGIN } from '../../../renderer/runbook/useNearViewport';

// A real 1×1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

function show(markdown: string, subdir?: string) {
  return render(
    <MemoryRouter>
      <RunbookContext.Provider
        value={{ sourceId: 'src', path: 'ops/page.md', title: 'Page', cachedPaths: new Set(['ops/page.md']), online: true }}
      >
        <SourceFilesContext.Provider value={{ fromPath: 'ops/page.md', subdir }}>
          <MarkdownView markdown={markdown} />
        </SourceFilesContext.Provider>
      </RunbookContext.Provider>
    </MemoryRouter>,
  );
}

describe('images in a runbook', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows an image of the source from the offline cache, lazily, with its alt text', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:cached-diagram');
    await db.assets.put({ sourceId: 'src', path: 'img/arch.png', oid: 'a'.repeat(40), mime: 'image/png', bytes: PNG });
    show('![Architecture diagram](../img/arch.png)');
    const image = await screen.findByRole('img', { name: 'Architecture diagram' });
    expect(image.getAttribute('src')).toBe('blob:cached-diagram');
    expect(image.getAttribute('loading')).toBe('lazy');
    expect((created.mock.calls[0]![0] as Blob).type).toBe('image/png');
  });

  it('finds an image linked from the repository root when the source syncs a folder', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:root-image');
    await db.assets.put({ sourceId: 'src', path: 'img/arch.png', oid: 'a'.repeat(40), mime: 'image/png', bytes: PNG });
    show('![Root](/docs/img/arch.png)', 'docs');
    expect((await screen.findByRole('img', { name: 'Root' })).getAttribute('src')).toBe('blob:root-image');
  });

  it('says so when the image is not in the offline copy, keeping the alt text', async () => {
    show('![Network map](net.png)');
    const missing = await screen.findByRole('img', { name: /^Image: Network map\. Image not in the offline copy\. / });
    expect(missing.textContent).toContain('Network map');
    expect(missing.textContent).toContain('net.png was not synced with this source.');
  });

  it('says an image the sync skipped was skipped, and why, keeping the alt text', async () => {
    await db.skipped.put({
      sourceId: 'src',
      path: 'ops/rack-scan.png',
      oid: 'c'.repeat(40),
      reason: 'too-large',
      message: 'Image is 50.0 MiB, over the 2.0 MiB limit.',
    });
    show('![Rack scan](rack-scan.png)');
    const skipped = await screen.findByRole('img', { name: /^Image: Rack scan\. Image skipped at sync\. / });
    // Written out under the note, not only in a tooltip: a phone has no hover.
    expect(skipped.querySelector('.rr-image-reason')?.textContent).toBe('ops/rack-scan.png: Image is 50.0 MiB, over the 2.0 MiB limit.');
  });

  it('does not decode an image too large for a phone, and says how large it is', async () => {
    await db.assets.put({
      sourceId: 'src',
      path: 'ops/huge.png',
      oid: 'b'.repeat(40),
      mime: 'image/png',
      bytes: new Uint8Array(MAX_SHOWN_IMAGE_BYTES + 1),
    });
    const created = vi.spyOn(URL, 'createObjectURL');
    show('![Huge](huge.png)');
    expect(await screen.findByText('Image too large to show')).toBeTruthy();
    expect(created).not.toHaveBeenCalled();
  });

  it('does not fetch an image of another site unless Settings → Privacy allows it', async () => {
    const { unmount } = show('![Status graph](https://graphs.example.com/status.png)');
    expect(await screen.findByText('External image not loaded (Settings → Privacy)')).toBeTruthy();
    expect(screen.getByText('Status graph')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    unmount();

    await writeSetting(db, 'loadExternalImages', true);
    show('![Status graph](https://graphs.example.com/status.png)');
    const image = await screen.findByRole('img', { name: 'Status graph' });
    expect(image.getAttribute('src')).toBe('https://graphs.example.com/status.png');
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('shows a repository SVG that carries a script only as an <img>, so nothing in it runs', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="window.pwned=1"><script>window.pwned=1</script><rect width="9" height="9"/></svg>';
    await db.assets.put({
      sourceId: 'src',
      path: 'ops/evil.svg',
      oid: 'd'.repeat(40),
      mime: 'image/svg+xml',
      bytes: new TextEncoder().encode(svg),
    });
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:evil-svg');
    show('![Topology](evil.svg)');
    const image = await screen.findByRole('img', { name: 'Topology' });
    expect(image.tagName).toBe('IMG');
    expect(image.getAttribute('src')).toBe('blob:evil-svg');
    expect((created.mock.calls[0]![0] as Blob).type).toBe('image/svg+xml');
    expect(document.querySelector('svg, script')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('never loads script or data URLs as images, from Markdown or HTML', async () => {
    show(
      '![x](javascript:alert(1)) ![y](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) <img src="data:image/png;base64,AAAA" alt="z">',
    );
    await waitFor(() => expect(screen.getAllByText('Image not shown')).toHaveLength(3));
    expect(document.querySelector('img')).toBeNull();
  });
});

/** IntersectionObserver as the browser has it, driven by the test: `scrollNear` plays the image coming close. */
class FakeIntersectionObserver {
  static observers: FakeIntersectionObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeIntersectionObserver.observers.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  static scrollNear() {
    for (const observer of FakeIntersectionObserver.observers) {
      const entries = [...observer.targets].map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
      if (entries.length > 0) observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  }
}

describe('images of the source are read only when they near the screen', () => {
  beforeEach(() => {
    FakeIntersectionObserver.observers = [];
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the alt text and reads nothing until the image comes near, then shows it', async () => {
    await db.assets.put({ sourceId: 'src', path: 'img/arch.png', oid: 'a'.repeat(40), mime: 'image/png', bytes: PNG });
    const read = vi.spyOn(db.assets, 'get');
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:near-diagram');
    show('![Architecture diagram](../img/arch.png)');

    const waiting = await screen.findByRole('img', { name: 'Architecture diagram (loading)' });
    expect(waiting.tagName).toBe('SPAN');
    expect(waiting.textContent).toBe('Architecture diagram');
    await waitFor(() => expect(FakeIntersectionObserver.observers.some((o) => o.targets.has(waiting))).toBe(true));
    expect(FakeIntersectionObserver.observers[0]!.options.rootMargin).toBe(NEAR_VIEWPORT_MARGIN);
    expect(read).not.toHaveBeenCalled();

    act(() => FakeIntersectionObserver.scrollNear());
    const image = await screen.findByRole('img', { name: 'Architecture diagram' });
    expect(read).toHaveBeenCalled();
    expect(image.getAttribute('src')).toBe('blob:near-diagram');
    expect(screen.queryByRole('img', { name: 'Architecture diagram (loading)' })).toBeNull();
  });

  it('releases the image’s object URL when the page goes', async () => {
    await db.assets.put({ sourceId: 'src', path: 'img/arch.png', oid: 'a'.repeat(40), mime: 'image/png', bytes: PNG });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:released-diagram');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { unmount } = show('![Architecture diagram](../img/arch.png)');
    await screen.findByRole('img', { name: 'Architecture diagram (loading)' });
    await waitFor(() => expect(FakeIntersectionObserver.observers.length).toBeGreaterThan(0));
    act(() => FakeIntersectionObserver.scrollNear());
    await screen.findByRole('img', { name: 'Architecture diagram' });
    expect(revoked).not.toHaveBeenCalled();

    unmount();
    expect(revoked).toHaveBeenCalledWith('blob:released-diagram');
  });
});
