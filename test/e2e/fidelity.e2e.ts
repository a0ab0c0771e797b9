import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeObsidianRepo, VAULT_FOLDER } from '../helpers/makeObsidianRepo';
import type { RunbookRepo } from '../helpers/makeRunbookRepo';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';
import { sourceIdNamed } from './support/sourceIdNamed';

const NAME = 'Clipper docs';

describe('a real team vault (wikilinks, images, HTML, alerts, diagrams) synced in Chromium', () => {
  let server: SharedGitServer;
  let repo: RunbookRepo;
  const app = appPerTest({ route: '/sources' });

  beforeAll(() => {
    server = useSharedGitServer();
    repo = makeObsidianRepo();
    repo.publish(server.root, 'clipper.git');
  });
  afterAll(async () => {
    await server?.close();
    repo?.dispose();
  });

  /** Adds the repository's docs folder as a source and opens its index page; returns the page's base route. */
  async function syncAndOpen(page: Page, baseUrl: string): Promise<string> {
    await page.getByLabel('Repository address (https)').fill(server.url('clipper.git'));
    await page.getByLabel(/Display name/).fill(NAME);
    await page.getByLabel(/Sub-folder/).fill(VAULT_FOLDER);
    await page.getByRole('button', { name: 'Add and sync' }).click();
    await expectText(page.locator('.rr-source', { hasText: NAME }), /Last successful sync: .* at commit [0-9a-f]{7}/);
    const base = `${baseUrl}#/read/${encodeURIComponent(await sourceIdNamed(page, NAME))}`;
    await page.goto(`${base}/index.md`);
    await expectText(page.locator('h1#rr-runbook-title'), 'Clipper docs');
    return base;
  }

  /** Whether the image has been decoded with real pixels (a broken image has no natural size). */
  const decoded = (page: Page, selector: string) =>
    page.locator(selector).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:'));

  it('shows what GitHub and Obsidian show, and a wikilink opens its target', async () => {
    const { page, server: web } = app();
    const base = await syncAndOpen(page, web.url);
    const body = page.locator('.rr-markdown');

    // Raw HTML: text kept, placeholders literal, allowed elements live.
    await expectText(body, 'Add “Closes #<tracker-issue-number>” to the pull request.');
    await expectText(body, 'log in as <USERID>.');
    expect(await body.locator('kbd').allTextContents()).toEqual(['Ctrl', 'C']);
    await body.locator('details summary', { hasText: 'Why a checklist?' }).click();
    await expectText(body.locator('details'), 'Because steps get skipped at 3 a.m.');

    // Alert, emoji, footnote.
    await expectText(body.locator('.rr-alert-warning .rr-alert-title'), 'Warning');
    await expectText(body.locator('.rr-alert-warning'), 'Never deploy on Fridays 🚀');
    await expectText(body.locator('section.footnotes'), 'Measured on the staging cluster.');

    // Images from the cache, the embedded one and the Markdown one.
    await expect.poll(() => decoded(page, 'img[alt="arch.png"]'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => decoded(page, 'img[alt="Architecture diagram"]'), { timeout: 10_000 }).toBe(true);

    // The diagram, drawn by the bundled renderer.
    const diagram = body.locator('img.rr-mermaid-image');
    await expect
      .poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 30_000 })
      .toBe(true);
    expect(await diagram.getAttribute('alt')).toBe('Diagram: flowchart LR');

    // Broken wikilinks are marked and explained.
    const ambiguous = body.locator('.rr-wikilink-broken', { hasText: 'setup' });
    expect(await ambiguous.getAttribute('title')).toMatch(/^2 runbooks are named "setup" — link is ambiguous/);
    expect(await body.locator('.rr-wikilink-broken', { hasText: 'missing-page' }).getAttribute('title')).toContain('the link is broken');

    // Links like GitHub's: from the repository root, to a folder, outside the synced folder.
    expect(await body.getByRole('link', { name: 'authorization' }).getAttribute('href')).toContain('/backend/authz.md');
    expect(await body.getByRole('link', { name: 'ops folder' }).getAttribute('href')).toContain('/ops/README.md');
    await expectText(body.locator('.rr-link-unavailable', { hasText: 'contributing guide' }), 'outside the synced folder');

    // Alerts, marked links, keys, details, footnotes and the diagram in both themes pass axe's serious rules.
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const result = await new AxeBuilder({ page }).include('.rr-markdown').analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${scheme}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    }

    // A wikilink with a heading lands on its section; one with a label opens its page.
    await body.getByRole('link', { name: 'deploy › Roll back' }).click();
    await expectText(page.locator('h1#rr-runbook-title'), 'Deploy');
    expect(page.url()).toContain('section=roll-back');
    await page.goto(`${base}/index.md`);
    await body.getByRole('link', { name: 'User Guide' }).click();
    await expectText(page.locator('h1#rr-runbook-title'), 'User Guide');
    await expectText(page.locator('.rr-markdown'), 'Back to the docs home');
  });

  it('shows the images and diagram (its renderer loaded only then) and follows wikilinks with the network gone', async () => {
    const current = app();
    const { page, server: web } = current;
    const base = await syncAndOpen(page, web.url);
    await current.controlledByServiceWorker();
    await current.goOffline();
    await page.goto(`${base}/users/user-guide.md`);
    await page.reload();
    await expectText(page.locator('h1#rr-runbook-title'), 'User Guide');
    // The diagram renderer is a chunk of its own, loaded only once a page with a diagram is opened.
    const rendererLoaded = () =>
      page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /\/mermaid\.core-[^/]*\.js$/.test(entry.name)));
    expect(await rendererLoaded()).toBe(false);
    await page.locator('.rr-markdown').getByRole('link', { name: 'docs home' }).click();
    await expectText(page.locator('h1#rr-runbook-title'), 'Clipper docs');
    await expect.poll(() => decoded(page, 'img[alt="Architecture diagram"]'), { timeout: 10_000 }).toBe(true);
    const diagram = page.locator('.rr-markdown img.rr-mermaid-image');
    await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
    expect(await rendererLoaded()).toBe(true);
    await page.locator('.rr-markdown').getByRole('link', { name: 'User Guide' }).click();
    await expectText(page.locator('h1#rr-runbook-title'), 'User Guide');
    // A script the page links to opens as text from the cache.
    await page.goto(`${base}/index.md`);
    await page.locator('.rr-markdown').getByRole('link', { name: 'the rotate script' }).click();
    await expectText(page.locator('h1#rr-runbook-title'), 'rotate.sh');
    await expectText(page.locator('pre code'), 'logrotate -f /etc/logrotate.conf');
  });

  it('shows every image type from the cache, no off-site image, all five alerts, sub/sup, tables and line breaks, and says when a section is gone', async () => {
    const { page, server: web } = app();
    const offSite: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('images.example.invalid')) offSite.push(request.url());
    });
    const base = await syncAndOpen(page, web.url);
    await page.goto(`${base}/gallery.md`);
    await expectText(page.locator('h1#rr-runbook-title'), 'Gallery');
    const body = page.locator('.rr-markdown');

    for (const alt of ['JPEG photo', 'GIF spinner', 'WebP picture', 'SVG drawing', 'HTML photo']) {
      await expect.poll(() => decoded(page, `img[alt="${alt}"]`), { timeout: 10_000 }).toBe(true);
    }
    // The repository's SVG carries a script: shown through <img>, so it never ran.
    expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
    await expectText(body.locator('.rr-image-missing', { hasText: 'Status badge' }), 'External image not loaded (Settings → Privacy)');
    expect(offSite).toEqual([]);
    // The 50 MB image was skipped at sync; its place keeps the alt text and says so, with the reason written out.
    const skipped = body.locator('.rr-image-missing', { hasText: 'Rack scan' });
    await expectText(skipped, 'Image skipped at sync');
    expect(await skipped.locator('.rr-image-reason').textContent()).toBe('img/rack-scan.png: Image is 50.0 MiB, over the 2.0 MiB limit.');

    for (const [type, label] of [
      ['note', 'Note'],
      ['tip', 'Tip'],
      ['important', 'Important'],
      ['warning', 'Warning'],
      ['caution', 'Caution'],
    ] as const) {
      const title = body.locator(`.rr-alert-${type} .rr-alert-title`);
      await expectText(title, label);
      expect(await title.locator('svg').count()).toBe(1);
    }
    expect(await body.locator('sub').allTextContents()).toEqual(['2']);
    expect(await body.locator('sup').allTextContents()).toEqual(['12']);
    await expectText(body.locator('table td').nth(1), 'db-7');
    await expectText(body.locator('p:has(br)'), 'First linesecond line.');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const result = await new AxeBuilder({ page }).include('.rr-markdown').analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${scheme}: ${v.id} — ${v.help}`)).toEqual([]);
    }

    // A wikilink to a heading that is gone opens the page and says so.
    await body.getByRole('link', { name: 'deploy › Gone section' }).click();
    await expectText(page.locator('h1#rr-runbook-title'), 'Deploy');
    await expectText(page.locator('main'), 'Section #gone-section not found in this version');
    // Deploy links back to the home page, which links to Deploy: a cycle is just two links.
    await page.locator('.rr-markdown').getByRole('link', { name: '../index' }).click();
    await expectText(page.locator('h1#rr-runbook-title'), 'Clipper docs');
  });

  it('reads a page of 10,000 wikilinks and a 1 MB diagram, and lists the 50 MB image as skipped, without a page error', async () => {
    const { page, server: web, errors } = app();
    const base = await syncAndOpen(page, web.url);

    await page.goto(`${base}/stress/many-wikilinks.md`);
    await expectText(page.locator('h1#rr-runbook-title'), 'Ten thousand wikilinks');
    const links = page.locator('.rr-markdown');
    // Formatted in slices: the last line arrives when every slice before it is done.
    await expect.poll(async () => (await links.textContent()) ?? '', { timeout: 60_000 }).toContain('End of the wikilinks.');
    await expect.poll(() => links.locator('a[href*="deploy.md"]').count(), { timeout: 60_000 }).toBe(4_000);
    expect(await links.locator('.rr-wikilink-broken').count()).toBe(2_000);
    await links.getByRole('link', { name: 'users/user-guide' }).last().click();
    await expectText(page.locator('h1#rr-runbook-title'), 'User Guide');

    await page.goto(`${base}/stress/big-diagram.md`);
    await expectText(page.locator('h1#rr-runbook-title'), 'A one megabyte diagram');
    const diagram = page.locator('.rr-markdown');
    // Too large to format as one block: shown as written, its code in a plain code block, no diagram drawn.
    await expectText(
      diagram.locator('.rr-plain-slice .rr-warnings'),
      /too large to format as one block \([\d,]+ characters\); it is shown as written/,
    );
    await expect.poll(async () => (await diagram.locator('.rr-plain-slice pre').first().textContent()) ?? '').toContain('n0 --> n1');
    await expectText(diagram, 'Text after the diagram.');
    expect(await diagram.locator('img.rr-mermaid-image').count()).toBe(0);

    await page.goto(`${web.url}#/sources`);
    const skipped = page.locator('.rr-source', { hasText: NAME }).locator('.rr-source-skipped');
    await expectText(skipped.locator('summary'), '1 file skipped');
    await skipped.locator('summary').click();
    await expectText(skipped.locator('li', { hasText: 'img/rack-scan.png' }), 'Image is 50.0 MiB, over the 2.0 MiB limit.');
    expect(errors).toEqual([]);
  }, 180_000);

  it('runs nothing from a hostile page and still shows the rest of it', async () => {
    const { page, server: web } = app();
    const base = await syncAndOpen(page, web.url);
    await page.goto(`${base}/hostile.md`);
    const body = page.locator('.rr-markdown');
    await expectText(body, 'Text after all of it.');
    await expectText(body, 'html link');
    // The hostile diagram is drawn (or refused) by the strict renderer; wait for either before judging.
    await expect.poll(() => body.locator('img.rr-mermaid-image, .rr-mermaid-note').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await body.getByText('html link').click();
    await body.getByText('md link').click();
    expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
    expect(await body.locator('script, iframe, svg:not(.rr-alert-title svg)').count()).toBe(0);
    // Neither the script URL nor the data: SVG became an image source.
    expect(await body.locator('img[src^="javascript:"], img[src^="data:"]:not(.rr-mermaid-image)').count()).toBe(0);
    await expectText(body.locator('.rr-image-missing', { hasText: 'data image' }), 'Image not shown');
  });
});
