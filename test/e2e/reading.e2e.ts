import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHttpServer, type GitHttpServer } from '../helpers/gitHttpServer';
import { BAD_FILES, RunbookRepo } from '../helpers/makeRunbookRepo';
import { appPerTest } from './support/appPerTest';
import { expectInViewport, expectText } from './support/assertions';
import { sourceIdNamed } from './support/sourceIdNamed';

/** A long runbook (so there is somewhere to scroll to) whose "Escalate" step can be edited upstream. */
function longRunbook(escalate: string): string {
  const sections = Array.from(
    { length: 30 },
    (_, i) => `## Section ${i + 1}\n\n${'Check the dashboards, the logs and the alerts of this part before going on. '.repeat(6)}\n`,
  ).join('\n');
  return `---\ntitle: "Cache Outage"\nowner: "team-storage"\nlast_reviewed: 2026-11-01\n---\n# Cache Outage\n\n## Steps\n\n1. Drain the cache tier.\n2. ${escalate}\n\n${sections}`;
}

const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));

/**
 * Scrolls the window the way a reader does once the text is there, and waits until the page has had the
 * frame in which it records the place. The title shows before the body: the body waits for the parts of the
 * formatting it needs (a chunk loaded on first use) and a new visit is put at its top when its text lands, so
 * the scroll waits for the text, and is repeated until it holds for two frames.
 */
async function scrollTo(page: Page, y: number): Promise<void> {
  await page.locator('.rr-markdown :is(p, li):not(.rr-formatting-more *)').first().waitFor();
  await expect
    .poll(() =>
      page.evaluate(async (to) => {
        window.scrollTo(0, to);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return Math.round(window.scrollY);
      }, y),
    )
    .toBe(y);
}

async function openedTitle(page: Page, title: string): Promise<void> {
  await expectText(page.locator('h1#rr-runbook-title'), title);
}

describe('reading you can trust: the library opens pages at their top and history restores places', () => {
  const app = appPerTest({ route: '/read/bundled/moderation-operations.md' });

  it('opens a runbook picked in the library at its top, and back/forward return each entry to its own place', async () => {
    const { page, server } = app();
    await openedTitle(page, 'Moderation Operations');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(2_800);
    await scrollTo(page, 2_000);

    await page.locator('.rr-library-entry', { hasText: 'Database Failover' }).first().click();
    await openedTitle(page, 'Database Failover');
    await expect.poll(() => scrollY(page)).toBe(0);
    await scrollTo(page, 900);

    // A typed URL (a plain hash change, like the library's links) opens at the top too.
    await page.goto(`${server.url}#/read/bundled/hpa-scaling.md`);
    await openedTitle(page, 'HPA Scaling');
    await expect.poll(() => scrollY(page)).toBe(0);

    await page.goBack();
    await openedTitle(page, 'Database Failover');
    await expect.poll(() => scrollY(page)).toBe(900);
    await page.goBack();
    await openedTitle(page, 'Moderation Operations');
    await expect.poll(() => scrollY(page)).toBe(2_000);
    await page.goForward();
    await openedTitle(page, 'Database Failover');
    await expect.poll(() => scrollY(page)).toBe(900);
  });
});

describe('reading you can trust: links, search and bookmarks open pages at their top', () => {
  const app = appPerTest({ route: '/read/bundled/moderation-operations.md' });

  it('opens a runbook from a link in the text, from search and from a bookmark at its top, not at the place left', async () => {
    const { page, server } = app();
    await openedTitle(page, 'Moderation Operations');
    // The page's later slices are formatted a moment after its top (a reader scrolling down finds them there).
    await page.locator('.rr-formatting-more').waitFor({ state: 'detached' });

    // A link near the end of a long runbook to another runbook (no section named).
    const related = page.locator('.rr-markdown a', { hasText: 'Ban Sync Troubleshooting' }).last();
    await related.scrollIntoViewIfNeeded();
    expect(await scrollY(page)).toBeGreaterThan(2_000);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await related.click();
    await openedTitle(page, 'Ban Sync Troubleshooting');
    await expect.poll(() => scrollY(page)).toBe(0);

    // A whole-runbook bookmark, picked in the sidebar while deep in another runbook.
    await page.goto(`${server.url}#/read/bundled/hpa-scaling.md`);
    await openedTitle(page, 'HPA Scaling');
    await page.keyboard.press('b');
    const bookmark = page.locator('.rr-sidebar .rr-bookmark-link', { hasText: 'HPA' });
    await bookmark.waitFor();
    await page.goto(`${server.url}#/read/bundled/moderation-operations.md`);
    await openedTitle(page, 'Moderation Operations');
    await scrollTo(page, 2_500);
    await bookmark.click();
    await openedTitle(page, 'HPA Scaling');
    await expect.poll(() => scrollY(page)).toBe(0);

    // Search, from deep in a runbook: the result opens at its section (or its top), never at the old offset.
    await page.goto(`${server.url}#/read/bundled/moderation-operations.md`);
    await openedTitle(page, 'Moderation Operations');
    await scrollTo(page, 2_500);
    await page.keyboard.press('/');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.type('pods not scaling');
    // Enter opens the highlighted result: wait until it is the full query's best match, not an earlier prefix's
    // (a clean-clone run once pressed Enter while "Moderation Incidents" was still first).
    await expectText(page.getByRole('option', { selected: true }), 'Pods Not Scaling Up'); // a section of HPA Scaling only
    await page.keyboard.press('Enter');
    await openedTitle(page, 'HPA Scaling');
    const section = await page.evaluate(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('section'));
    if (section) {
      const heading = page.locator(`[id="${section}"]`);
      await expectInViewport(heading);
      expect(await heading.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
    } else {
      await expect.poll(() => scrollY(page)).toBe(0);
    }
  });
});

describe('reading you can trust on a phone (390×844)', () => {
  // The app is opened at desktop size (the hooks wait for the sidebar) and then narrowed to a phone.
  const app = appPerTest({ route: '/read/bundled/moderation-operations.md' });

  it('opens a runbook picked in the library drawer at its top, with its title and the start of its text on screen between the bars', async () => {
    const { page } = app();
    await page.setViewportSize({ width: 390, height: 844 });
    await openedTitle(page, 'Moderation Operations');
    await scrollTo(page, 3_000);
    await page.locator('.rr-bottombar').getByRole('button', { name: 'Open library' }).click();
    await page.locator('#rr-sidebar .rr-library-entry', { hasText: 'Database Failover' }).first().click();
    await openedTitle(page, 'Database Failover');
    await expect.poll(() => page.locator('#rr-sidebar').evaluate((nav) => getComputedStyle(nav).visibility)).toBe('hidden');
    await expect.poll(() => scrollY(page)).toBe(0);

    const box = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom };
        });
    const topbar = await box('.rr-topbar');
    const bottombar = await box('.rr-bottombar');
    const title = await box('h1#rr-runbook-title');
    expect(title.top).toBeGreaterThanOrEqual(topbar.bottom);
    expect(title.bottom).toBeLessThanOrEqual(bottombar.top);
    // The runbook's own text starts on the first screen too, not below a screenful of header.
    const text = await box('.rr-markdown > *');
    expect(text.top).toBeGreaterThanOrEqual(topbar.bottom);
    expect(text.top + 40).toBeLessThanOrEqual(bottombar.top);
  });
});

describe('reading you can trust: syncs, What changed and skipped files (loopback git http-backend)', () => {
  let root: string;
  let server: GitHttpServer;
  const repos: RunbookRepo[] = [];
  const app = appPerTest({ route: '/sources' });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'rr-e2e-reading-'));
    server = await startGitHttpServer({ root });
  });
  afterAll(async () => {
    await server?.close();
    for (const repo of repos) repo.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  function publish(name: string, files: Record<string, string | Uint8Array>): RunbookRepo {
    const repo = new RunbookRepo('main');
    repos.push(repo);
    for (const [path, content] of Object.entries(files)) repo.write(path, content);
    repo.commit('first version');
    repo.publish(root, name);
    return repo;
  }

  /** Adds a source whose first sync fails, and waits for the card to say so. */
  async function addFailingSource(page: Page, name: string, url: string) {
    await page.getByLabel('Repository address (https)').fill(url);
    await page.getByLabel(/Display name/).fill(name);
    await page.getByRole('button', { name: 'Add and sync' }).click();
    const card = page.locator('.rr-source', { hasText: name });
    await expectText(card.getByRole('alert'), /Last sync failed/);
    return card;
  }

  async function addSource(page: Page, name: string, url: string) {
    await page.getByLabel('Repository address (https)').fill(url);
    await page.getByLabel(/Display name/).fill(name);
    await page.getByRole('button', { name: 'Add and sync' }).click();
    const card = page.locator('.rr-source', { hasText: name });
    await expectText(card, /Last successful sync: .* at commit [0-9a-f]{7}/);
    return card;
  }

  it('leaves the page being read as it was when a sync brings a new version, and "Show new version" swaps it', async () => {
    const { page, server: web } = app();
    const repo = publish('reading-swap.git', { 'cache-outage.md': longRunbook('Page the storage on-call.') });
    await addSource(page, 'Swap runbooks', server.url('reading-swap.git'));
    const sourceId = await sourceIdNamed(page, 'Swap runbooks');
    await page.goto(`${web.url}#/read/${encodeURIComponent(sourceId)}/cache-outage.md`);
    await openedTitle(page, 'Cache Outage');
    await scrollTo(page, 1_200);
    const section = page.locator('h2#section-3');
    const sectionTop = () => section.evaluate((el) => Math.round(el.getBoundingClientRect().top));
    const topBefore = await sectionTop();

    repo.write('cache-outage.md', longRunbook('Page the storage on-call and open an incident channel.'));
    const commit = repo.commit('escalate sooner');
    // A sync that is due (the device coming back online) runs while the page is read.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expectText(page.locator('.rr-new-version'), 'A newer version of this runbook arrived');
    const markdown = page.locator('.rr-markdown');
    expect(await markdown.textContent()).toContain('Page the storage on-call.');
    expect(await markdown.textContent()).not.toContain('open an incident channel');
    // The text on screen has not moved (the notice may push the page down; the browser keeps what is read in place).
    expect(await sectionTop()).toBe(topBefore);

    // Moving within the page keeps the version on screen too.
    await page.locator('.rr-toc-aside a', { hasText: 'Section 20' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('section=section-20');
    expect(await markdown.textContent()).not.toContain('open an incident channel');
    await expectText(page.locator('.rr-new-version'), 'A newer version of this runbook arrived');

    await page.getByRole('button', { name: 'Show new version' }).click();
    await expectText(markdown, 'Page the storage on-call and open an incident channel.');
    expect(await page.locator('.rr-new-version').count()).toBe(0);
    await expectText(page.locator('.rr-runbook-header'), commit.slice(0, 7));
  });

  it('opens a link to a section near the end of a very long runbook on that section, which stays put while the rest is formatted', async () => {
    const { page, server: web } = app();
    const steps = Array.from({ length: 3_000 }, (_, i) => `## Step ${i + 1}\n\nRun \`check-${i + 1}\` and compare.\n`).join('\n');
    publish('reading-long.git', { 'long.md': `---\ntitle: "Long Checks"\nowner: "team-storage"\n---\n# Long Checks\n\n${steps}` });
    await addSource(page, 'Long runbooks', server.url('reading-long.git'));
    const sourceId = await sourceIdNamed(page, 'Long runbooks');
    await page.goto(`${web.url}#/read/${encodeURIComponent(sourceId)}/long.md?section=step-2990`);
    const target = page.locator('h2#step-2990');
    await expectInViewport(target);
    const topOf = () => target.evaluate((el) => Math.round(el.getBoundingClientRect().top));
    const landedAt = await topOf();
    expect(landedAt).toBeGreaterThanOrEqual(0);
    expect(landedAt).toBeLessThan(200);

    // Once every slice above is formatted, the section is still where it landed, with all of the page above it.
    await page.locator('.rr-formatting-more').waitFor({ state: 'detached', timeout: 60_000 });
    expect(Math.abs((await topOf()) - landedAt)).toBeLessThanOrEqual(2);
    expect(await page.locator('.rr-markdown h2').count()).toBe(3_000);
    expect(
      await page.evaluate(() => document.getElementById('step-1')!.compareDocumentPosition(document.getElementById('step-2990')!)),
    ).toBe(
      4, // DOCUMENT_POSITION_FOLLOWING
    );

    // Away and back: the place is found again.
    await scrollTo(page, (await scrollY(page)) - 700);
    const place = await scrollY(page);
    await page.goto(`${web.url}#/read/bundled/hpa-scaling.md`);
    await openedTitle(page, 'HPA Scaling');
    await page.goBack();
    await openedTitle(page, 'Long Checks');
    await expect.poll(() => scrollY(page), { timeout: 60_000 }).toBe(place);
  });

  it('"What changed" shows the line an upstream edit added since the runbook was last read, and the library marks it until read', async () => {
    const { page, server: web } = app();
    const repo = publish('reading-diff.git', { 'cache-outage.md': longRunbook('Page the storage on-call.') });
    const card = await addSource(page, 'Diff runbooks', server.url('reading-diff.git'));
    const sourceId = await sourceIdNamed(page, 'Diff runbooks');
    const route = `#/read/${encodeURIComponent(sourceId)}/cache-outage.md`;
    await page.goto(`${web.url}${route}`);
    await openedTitle(page, 'Cache Outage');
    // Read once: nothing to compare with yet.
    expect(await page.locator('.rr-what-changed').count()).toBe(0);

    repo.write('cache-outage.md', longRunbook('Page the storage on-call.\n3. Write the timeline in the incident document.'));
    const commit = repo.commit('add a timeline step');
    await page.goto(`${web.url}#/sources`);
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => card.locator('code[title]').first().getAttribute('title')).toBe(commit);
    const entry = page.locator('.rr-library-entry', { hasText: 'Cache Outage' }).first();
    await expectText(entry.locator('.rr-badge-new'), 'updated');

    await entry.click();
    await openedTitle(page, 'Cache Outage');
    const whatChanged = page.locator('.rr-what-changed');
    await whatChanged.locator('summary').click();
    await expectText(whatChanged.locator('ins'), '3. Write the timeline in the incident document.');
    expect(await whatChanged.textContent()).toContain(commit.slice(0, 7));
    expect(await whatChanged.locator('del').count()).toBe(0);
    await expect.poll(() => entry.locator('.rr-badge-new').count()).toBe(0);
  });

  it('puts checkboxes only on steps, and never over the step numbers (1.–14.), on a desktop and on a phone', async () => {
    const { page, server: web } = app();
    const steps = Array.from({ length: 14 }, (_, i) => `${i + 1}. Run check number ${i + 1} and note its result.`).join('\n');
    const policyList = Array.from({ length: 12 }, (_, i) => `${i + 1}. Clause ${i + 1} of the policy.`).join('\n');
    publish('reading-steps.git', {
      'long-steps.md': `---\ntitle: "Long Steps"\n---\n# Long Steps\n\n## Steps\n\n${steps}\n\n- [ ] Tell the channel.\n`,
      'privacy-policy.md': `---\ntitle: "Privacy Policy"\n---\n# Privacy Policy\n\n## What we keep\n\n${policyList}\n`,
    });
    await addSource(page, 'Step runbooks', server.url('reading-steps.git'));
    const sourceId = encodeURIComponent(await sourceIdNamed(page, 'Step runbooks'));

    await page.goto(`${web.url}#/read/${sourceId}/privacy-policy.md`);
    await openedTitle(page, 'Privacy Policy');
    await expectText(page.locator('.rr-markdown'), 'Clause 12 of the policy.');
    expect(await page.locator('.rr-step-check').count()).toBe(0);
    expect(await page.locator('.rr-runbook-header').textContent()).not.toContain('steps done');

    await page.goto(`${web.url}#/read/${sourceId}/long-steps.md`);
    await openedTitle(page, 'Long Steps');
    await expectText(page.locator('.rr-progress'), '0 of 15 steps done');
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      // For each numbered step: the checkbox's right edge and the left edge of its number ("14. ", drawn
      // outside the item, ending where the item's box starts), measured with the item's own font.
      const gaps = await page.locator('.rr-markdown ol > li.rr-step').evaluateAll((items) => {
        const context = document.createElement('canvas').getContext('2d')!;
        return items.map((li, i) => {
          const style = getComputedStyle(li);
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const numberLeft = li.getBoundingClientRect().left - context.measureText(`${i + 1}. `).width;
          const box = li.querySelector(':scope > .rr-step-check')!.getBoundingClientRect();
          return { step: i + 1, gap: Math.round(numberLeft - box.right), boxLeft: box.left };
        });
      });
      expect(gaps).toHaveLength(14);
      for (const { step, gap, boxLeft } of gaps) {
        expect(gap, `step ${step} at ${viewport.width} px`).toBeGreaterThanOrEqual(2);
        expect(boxLeft, `step ${step} at ${viewport.width} px`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('names CORS only when the host answers but refuses the page, and says "Can\'t reach" when nothing answers', async () => {
    const { page } = app();
    // A web server on loopback that answers everything, but without CORS headers: the page may not read it.
    const noCors = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('not for this page');
    });
    await new Promise<void>((resolve) => noCors.listen(0, '127.0.0.1', resolve));
    // A port nothing listens on: connection refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    try {
      const refusing = `127.0.0.1:${(noCors.address() as AddressInfo).port}`;
      const card = await addFailingSource(page, 'Refusing host', `http://${refusing}/team/runbooks.git`);
      await expectText(page.locator('.rr-offline-banner'), `${refusing} answers but refuses this page's requests (CORS)`);
      await expectText(card.getByTestId('cross-origin-refused'), `${refusing} answers, but refuses requests from this page (CORS)`);
      expect(await card.getByRole('alert').textContent()).not.toContain('Could not reach');

      page.once('dialog', (dialog) => void dialog.accept());
      await card.getByRole('button', { name: 'Remove' }).click();
      await card.waitFor({ state: 'detached' });
      const dead = await addFailingSource(page, 'Dead host', `http://127.0.0.1:${closedPort}/team/runbooks.git`);
      await expectText(page.locator('.rr-offline-banner'), `Can't reach 127.0.0.1:${closedPort} — showing the cached copy.`);
      expect(await dead.textContent()).not.toMatch(/CORS|cross-origin/);
    } finally {
      // Chromium keeps its probe connections alive; close() alone would wait for them until the test times out.
      noCors.closeAllConnections();
      await new Promise((resolve) => noCors.close(resolve));
    }
  });

  it('lists the skipped files of a source with the reason on the Sources page', async () => {
    const { page } = app();
    publish('reading-skipped.git', {
      'README.md': '---\ntitle: "Readable"\n---\n# Readable\n',
      [BAD_FILES.binary.path]: BAD_FILES.binary.content,
      [BAD_FILES.notUtf8.path]: BAD_FILES.notUtf8.content,
      [BAD_FILES.oversized.path]: BAD_FILES.oversized.content,
    });
    const card = await addSource(page, 'Skipping runbooks', server.url('reading-skipped.git'));
    const skipped = card.locator('.rr-source-skipped');
    await expectText(skipped.locator('summary'), '3 files skipped');
    await skipped.locator('summary').click();
    const items = skipped.locator('li');
    await expectText(items.filter({ hasText: BAD_FILES.binary.path }), 'binary');
    await expectText(items.filter({ hasText: BAD_FILES.notUtf8.path }), 'not UTF-8');
    await expectText(items.filter({ hasText: BAD_FILES.oversized.path }), 'too large');
    expect(await skipped.textContent()).toContain('skipped-file');
    const history = card.locator('.rr-source-history');
    await history.locator('summary').click();
    await expectText(history.locator('tbody tr').first(), /[0-9a-f]{7}/);
  });
});
