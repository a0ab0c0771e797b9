// @vitest-environment jsdom
import '../support/domTest';
import { cleanup, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../../core/model';
import { RunbookHeader } from '../../../renderer/runbook/RunbookHeader';
import { cachedRunbookOf, checklistSummary } from '../support/runbookHeaderFixture';

const NOW = new Date('2026-12-04T12:00:00Z');
const COMMIT = '4f2a9c1d0b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a';
const SOURCE: SourceRecord = {
  id: 'team',
  kind: 'git',
  name: 'Team runbooks',
  location: 'https://git.example.com/team/runbooks.git',
  version: COMMIT,
  lastSyncAt: '2026-12-04T09:00:00Z',
};

function header(text: string, checklist = checklistSummary()): HTMLElement {
  const meta = cachedRunbookOf(text, { sourceId: 'team', path: 'ops/failover.md', cachedAt: '2026-12-04T09:00:00Z' });
  render(<RunbookHeader meta={meta} source={SOURCE} today={NOW} checklist={checklist} />);
  return screen.getByRole('banner');
}

describe('RunbookHeader: freshness and front matter', () => {
  it('says which commit the copy is at and how old it is', () => {
    const shown = header('---\ntitle: Failover\nowner: team-db\nlast_reviewed: 2026-11-01\n---\n# Failover\n');
    expect(shown.querySelector(`code[title="${COMMIT}"]`)?.textContent).toBe('4f2a9c1');
    expect(shown.textContent).toContain('(3 h ago)');
  });

  it('gives a document without front matter a quiet line, not the problems banner', () => {
    const shown = header('# Failover\n\nPromote the replica.\n');
    expect(shown.querySelector('.rr-no-front-matter')?.textContent).toBe('No front matter: owner and review date unknown.');
    expect(shown.textContent).not.toContain('This document has problems');
    expect(screen.queryByRole('note', { name: 'Problems found in this runbook' })).toBeNull();
    // Nor the "Never reviewed" flag: the date is unknown, not missing from front matter someone wrote.
    expect(shown.querySelector('.rr-flag-warn')).toBeNull();
  });

  it('keeps the warning banner for front matter that is broken', () => {
    const shown = header('---\ntitle: [unclosed\nowner: team-db\n---\n# Failover\n');
    expect(screen.getByRole('note', { name: 'Problems found in this runbook' }).textContent).toContain('This document has problems');
    expect(shown.querySelector('.rr-no-front-matter')).toBeNull();
  });

  it('shows no step count on a page without steps, and counts ticks changed since ticked', () => {
    expect(header('---\ntitle: Privacy policy\n---\n# Privacy policy\n\n1. We keep logs.\n').textContent).not.toMatch(/steps done/);
    cleanup();
    const shown = header('---\ntitle: Failover\n---\n# Failover\n', checklistSummary({ total: 4, doneCount: 2, changedCount: 1 }));
    expect(shown.querySelector('.rr-progress')?.textContent).toBe('2 of 4 steps done (1 changed since ticked)');
  });
});
