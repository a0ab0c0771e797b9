import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { MissingSectionNotice } from '../../../renderer/runbook/MissingSectionNotice';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';

const base = { sourceId: 's', path: 'a.md', title: 'A', online: true };

function at(url: string, headingText: ReadonlyMap<string, string> | 'loading' = new Map([['rollback', 'Rollback']])): string {
  return renderToStaticMarkup(
    <MemoryRouter initialEntries={[url]}>
      <RunbookContext.Provider value={headingText === 'loading' ? { ...base } : { ...base, headingText }}>
        <MissingSectionNotice />
      </RunbookContext.Provider>
    </MemoryRouter>,
  );
}

describe('MissingSectionNotice', () => {
  it('says when the linked section is not in this version of the runbook', () => {
    expect(at('/read/s/a.md?section=restore-db')).toContain('Section #restore-db not found in this version of the runbook');
  });

  it('says nothing for a section that is there, a footnote, no section, or while headings load', () => {
    expect(at('/read/s/a.md?section=rollback')).toBe('');
    expect(at('/read/s/a.md?section=user-content-fn-1')).toBe('');
    expect(at('/read/s/a.md')).toBe('');
    expect(at('/read/s/a.md?section=restore-db', 'loading')).toBe('');
  });
});
