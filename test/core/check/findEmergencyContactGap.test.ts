import { describe, expect, it } from 'vitest';
import { findEmergencyContactGap } from '../../../core/check/findEmergencyContactGap';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';

function gapOf(markdown: string) {
  const result = ingestRunbook('test', { path: 'r.md', bytes: new TextEncoder().encode(markdown) });
  if (result.kind !== 'runbook') throw new Error('expected a runbook');
  return findEmergencyContactGap(result.meta, result.body, 3);
}

const tagged = (body: string, extra = '') => `---\ntitle: T\ntags: [emergency]\n${extra}---\n\n# T\n\n${body}\n`;

describe('findEmergencyContactGap', () => {
  it('ignores runbooks that are not about emergencies', () => {
    expect(gapOf('---\ntags: [db]\n---\n# Restart\n\nNo contacts at all.\n')).toBeUndefined();
  });

  it.each([
    ['an email', 'Mail dba@example.com.'],
    ['a phone number', 'Call (555) 010-3300.'],
    ['an international phone number', 'Call +44 20 7946 0000.'],
    ['a tel: link', '[Call](tel:5550103300)'],
    ['a chat channel', 'Post in Slack #db-oncall.'],
    ['a PagerDuty policy', 'Page the `db-primary` policy in PagerDuty.'],
  ])('accepts a Contacts section with %s', (_, line) => {
    expect(gapOf(tagged(`## Contacts\n\n${line}`))).toBeUndefined();
  });

  it('accepts an Escalation section whose contacts sit in a sub-section', () => {
    expect(gapOf(tagged('## Escalation\n\n### Level 2\n\n- ops@example.com\n\n## Notes\n\nNothing.'))).toBeUndefined();
  });

  it('accepts a contacts list in the front matter', () => {
    expect(gapOf(tagged('## Steps\n\nDo it.', 'contacts:\n  - name: DBA\n    email: dba@example.com\n'))).toBeUndefined();
  });

  it('does not count contact details outside a contact section', () => {
    expect(gapOf(tagged('## Steps\n\nMail dba@example.com.\n\n## Contacts\n\nAsk the lead.'))).toEqual({ because: 'tag', line: 3 });
  });

  it('does not count a heading anchor or a section after the contact section as a channel', () => {
    expect(gapOf(tagged('## Contacts\n\nSee [steps](#steps).\n\n## Steps\n\nMail dba@example.com or #ops.'))).toEqual({
      because: 'tag',
      line: 3,
    });
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
