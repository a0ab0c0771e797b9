// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CachedRunbook } from '../../../core/cache/runbookDatabase';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import type { SourceRecord } from '../../../core/model';
import type { OpenedRunbook } from '../../../renderer/app/cacheQueries';
import { RunbookView } from '../../../renderer/runbook/RunbookView';

function opened(frontMatterRegion: string | undefined, sourceRegion: string | undefined): OpenedRunbook {
  const markdown = [
    '---',
    'title: "London NOC"',
    ...(frontMatterRegion ? [`region: ${frontMatterRegion}`] : []),
    '---',
    '# London NOC',
    '',
    '## Emergency contacts',
    '',
    '- Duty manager: 020 7946 0958',
    '- Shipped on 2026-02-03, order 4471 2209 1183',
  ].join('\n');
  const result = ingestRunbook('team', { path: 'ops/noc.md', bytes: new TextEncoder().encode(markdown) });
  if (result.kind !== 'runbook') throw new Error('not a runbook');
  const meta: CachedRunbook = { ...result.meta, cachedAt: '2026-12-01T00:00:00Z' };
  const source: SourceRecord = {
    id: 'team',
    kind: 'git',
    name: 'Team',
    location: 'https://git.example.com/team.git',
    region: sourceRegion,
  };
  return { meta, body: result.body, source };
}

/** The device's preferred languages, as the browser reports them. */
function deviceLanguages(languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(languages[0] ?? '');
}

/** Where the national number in the runbook's contacts section dials, or undefined when it is not a link. */
async function dutyManagerHref(runbook: OpenedRunbook): Promise<string | undefined> {
  render(
    <MemoryRouter initialEntries={['/read/team/ops/noc.md']}>
      <RunbookView runbook={runbook} />
    </MemoryRouter>,
  );
  const number = await screen.findByText('020 7946 0958');
  return number.closest('a')?.getAttribute('href') ?? undefined;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('national numbers in runbook text: runbook region, else source, else device', () => {
  it("dials in the runbook's own region, even when the source and device say otherwise", async () => {
    deviceLanguages(['de-DE']);
    expect(await dutyManagerHref(opened('GB', 'NL'))).toBe('tel:+442079460958');
  });

  it("dials in the source's region when the runbook names none", async () => {
    deviceLanguages(['de-DE']);
    // Possible (if not valid) in both the Netherlands and Germany: the source's NL wins over the device's DE.
    expect(await dutyManagerHref(opened(undefined, 'NL'))).toBe('tel:+312079460958');
  });

  it("dials in the device's region when neither the runbook nor the source names one", async () => {
    deviceLanguages(['en-GB']);
    expect(await dutyManagerHref(opened(undefined, undefined))).toBe('tel:+442079460958');
  });

  it('links no date and no order id, whatever the region', async () => {
    deviceLanguages(['en-GB']);
    await dutyManagerHref(opened('GB', undefined));
    const hrefs = [...document.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['tel:+442079460958']);
  });
});
