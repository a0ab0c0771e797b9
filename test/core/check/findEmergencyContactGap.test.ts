import { describe, expect, it } from 'vitest';
import { findEmergencyContactGap } from '../../../core/check/findEmergencyContactGap';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';

/** Through ingest, so the contacts are the ones the app's contacts panel would list. */
function gapOf(markdown: string) {
  const result = ingestRunbook('test', { path: 'r.md', bytes: new TextEncoder().encode(markdown) });
  if (result.kind !== 'runbook') throw new Error('expected a runbook');
  return findEmergencyContactGap(result.meta, 3);
}

const tagged = (body: string, extra = '') => `---\ntitle: T\ntags: [emergency]\n${extra}---\n\n# T\n\n${body}\n`;

describe('findEmergencyContactGap', () => {
  it('ignores runbooks that are not about emergencies', () => {
    expect(gapOf('---\ntags: [db]\n---\n# Restart\n\nNo contacts at all.\n')).toBeUndefined();
  });

  it.each([
    ['an email', '- DBA: dba@example.com'],
    ['a phone number', '- On-call: (555) 010-3300'],
    ['a chat channel', '- Operations: Slack #db-oncall'],
    ['a PagerDuty policy', '- On-call: PagerDuty `db-primary`'],
  ])('accepts a Contacts section with %s', (_, line) => {
    expect(gapOf(tagged(`## Contacts\n\n${line}`))).toBeUndefined();
  });

  it('accepts a contacts list in the front matter', () => {
    expect(gapOf(tagged('## Steps\n\nDo it.', 'contacts:\n  - name: DBA\n    email: dba@example.com\n'))).toBeUndefined();
  });

  it('reports an emergency runbook without contacts, at its tags line', () => {
    expect(gapOf(tagged('## Steps\n\nRestart it.'))).toEqual({ because: 'tag', line: 3 });
  });

  it('does not count contact details outside a contacts section', () => {
    expect(gapOf(tagged('## Steps\n\nMail dba@example.com.\n\n## Contacts\n\nAsk the lead.'))).toEqual({ because: 'tag', line: 3 });
  });

  it('does not count a named role with no way to reach it', () => {
    expect(gapOf(tagged('## Escalation\n\n- **VP Engineering**'))).toEqual({ because: 'tag', line: 3 });
  });

  it('treats an "Emergency" heading like the tag and points at it', () => {
    expect(gapOf('---\ntitle: T\n---\n\n# T\n\n## Emergency procedures\n\nStop everything.\n')).toEqual({
      because: 'heading',
      heading: 'Emergency procedures',
      line: 7,
    });
  });

  it('accepts an "Emergency contacts" section that lists someone', () => {
    expect(gapOf('# T\n\n## Emergency contacts\n\n- On call: +1 555 010 2233\n')).toBeUndefined();
  });
});
