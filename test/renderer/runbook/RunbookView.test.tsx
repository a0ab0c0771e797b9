// @vitest-environment jsdom
import '../support/domTest';
import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { CachedRunbook } from '../../../core/cache/runbookDatabase';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import type { OpenedRunbook } from '../../../renderer/app/cacheQueries';
import { RunbookView } from '../../../renderer/runbook/RunbookView';

// The seam a hostile runbook broke through: a per-runbook computation that throws (issue 19 found a RangeError
// from a 32 KB runbook). Only the test that asks for it gets the failure.
const contactSections = vi.hoisted(() => ({ fail: false }));
vi.mock('../../../core/contacts/contactHeadings', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../core/contacts/contactHeadings')>();
  return {
    ...real,
    contactSectionRanges: (...args: Parameters<typeof real.contactSectionRanges>) => {
      if (contactSections.fail) throw new RangeError('Maximum call stack size exceeded');
      return real.contactSectionRanges(...args);
    },
  };
});

function opened(markdown: string): OpenedRunbook {
  const result = ingestRunbook('team', { path: 'ops/page.md', bytes: new TextEncoder().encode(markdown) });
  if (result.kind !== 'runbook') throw new Error('not a runbook');
  const meta: CachedRunbook = { ...result.meta, cachedAt: '2026-12-01T00:00:00Z' };
  return { meta, body: result.body };
}

function show(runbook: OpenedRunbook, section?: string) {
  return render(
    <MemoryRouter initialEntries={['/read/team/ops/page.md']}>
      <RunbookView runbook={runbook} section={section} />
    </MemoryRouter>,
  );
}

/** Lets idle steps (fake timers) and IndexedDB answers (real macrotasks) run until `check` holds. */
async function idleUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 3_000 && !check(); i++) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5);
      await new Promise((resolve) => setImmediate(resolve));
    });
  }
  expect(check()).toBe(true);
}

// 80 sections all called "Setup" (ids numbered across the whole document: setup, setup-1 …), long enough
// to be formatted in several slices.
const filler = 'Check the disk, the logs and the alerts before going on. '.repeat(8);
const longPage = `---\ntitle: "Long"\nchecklist: true\n---\n# Long\n\n${Array.from({ length: 80 }, (_, i) => `## Setup\n\n${filler}\n\n1. Run step ${i}.\n`).join('\n')}`;

const page =
  '---\ntitle: "Disk Pressure"\nchecklist: true\n---\n# Disk Pressure\n\n## Free space fast\n\n1. Rotate logs with `logrotate -f`.\n';

describe('RunbookView', () => {
  it('shows the runbook formatted, with its title, contents and steps', async () => {
    show(opened(page));
    expect(await screen.findByRole('heading', { level: 2, name: 'Free space fast' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: /Disk Pressure/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Step done: Rotate logs/ })).toBeTruthy();
  });

  it('offers "On this page" only when the runbook has sections to list', async () => {
    show(opened(page));
    await screen.findByRole('heading', { level: 2, name: 'Free space fast' });
    expect(document.querySelector('.rr-toc-inline summary')?.textContent).toBe('On this page');
    expect(screen.getByRole('navigation', { name: 'On this page' })).toBeTruthy();

    show(opened('---\ntitle: "Gallery"\n---\n# Gallery\n\nJust pictures, no sections.\n'));
    await screen.findByText('Just pictures, no sections.');
    expect(document.querySelectorAll('.rr-toc-inline')).toHaveLength(1);
  });

  it('shows a runbook whose content breaks a computation as plain text under its title, not a blank app', () => {
    const runbook = opened(page);
    contactSections.fail = true;
    try {
      const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      show(runbook);
      spy.mockRestore();
      expect(screen.getByRole('heading', { level: 1, name: 'Disk Pressure' })).toBeTruthy();
      expect(screen.getByRole('note').textContent).toContain('shown as plain text');
      expect(document.querySelector('pre.rr-plain-text')?.textContent).toContain('1. Rotate logs with `logrotate -f`.');
    } finally {
      contactSections.fail = false;
    }
  });

  it("shows the beginning of a long runbook first and the rest while idle, with ingest's ids and steps", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const runbook = opened(longPage);
    show(runbook);
    // The header is drawn at once; the body is cut into slices in the next idle moment, then its first is shown.
    expect(screen.getByRole('heading', { level: 1, name: 'Long' })).toBeTruthy();
    expect(document.querySelector('.rr-formatting-more')).not.toBeNull();
    await idleUntil(() => document.getElementById('setup') !== null);
    expect(document.getElementById('setup-79')).toBeNull();
    expect(document.querySelector('.rr-formatting-more')).not.toBeNull();
    await idleUntil(() => document.querySelector('.rr-formatting-more') === null);
    const ids = [...document.querySelectorAll('h2')].map((h) => h.id).filter((id) => id.startsWith('setup'));
    expect(ids).toEqual(runbook.meta.headings.filter((h) => h.depth === 2).map((h) => h.id));
    expect(screen.getByRole('checkbox', { name: 'Step done: Run step 79.' })).toBeTruthy();
  });

  it('lands a link to a section far down a long runbook on that section', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const scrolledTo: string[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolledTo.push(this.id);
    });
    show(opened(longPage), 'setup-75');
    await idleUntil(() => scrolledTo.length > 0);
    expect(scrolledTo).toEqual(['setup-75']);
    expect(document.activeElement?.id).toBe('setup-75');
  });

  it('formats the linked section of a long runbook before the sections above it, and all of them in order after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    const runbook = opened(longPage);
    // A new visit (an earlier test's page left its place in the shared history entry).
    window.history.replaceState(null, '');
    show(runbook, 'setup-75');
    await idleUntil(() => document.getElementById('setup-75') !== null);
    expect(document.getElementById('setup')).toBeNull();
    // The sections above wait in a placeholder that comes before the linked one on the page.
    const waiting = document.querySelector('.rr-formatting-more')!;
    expect(waiting.compareDocumentPosition(document.getElementById('setup-75')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await idleUntil(() => document.querySelector('.rr-formatting-more') === null);
    const ids = [...document.querySelectorAll('h2')].map((h) => h.id).filter((id) => id.startsWith('setup'));
    expect(ids).toEqual(runbook.meta.headings.filter((h) => h.depth === 2).map((h) => h.id));
  });

  it("resolves the wikilinks of every slice of a long runbook once the source's files are read, slice by slice", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const linked = `---\ntitle: "Linked"\n---\n# Linked\n\n${Array.from({ length: 80 }, (_, i) => `## Part ${i}\n\n${filler} See [[nowhere-${i}]].\n`).join('\n')}`;
    show(opened(linked));
    const broken = () => document.querySelectorAll('[data-wikilink="missing"]').length;
    const marked = () => document.querySelectorAll('.rr-wikilink, [data-wikilink]').length;
    await idleUntil(() => document.querySelector('.rr-formatting-more') === null && broken() === 80);
    // Each link once, none left as unresolved text from before the files were read.
    expect(marked()).toBe(80);
  });
});
