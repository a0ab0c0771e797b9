import { describe, expect, it } from 'vitest';
import { contactSectionRanges, isContactHeading } from '../../../core/contacts/contactHeadings';
import { findContactSections } from '../../../core/contacts/findContactSections';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';

describe('isContactHeading', () => {
  it.each([
    'Emergency Contacts',
    'Contacts',
    'Contact',
    'Escalation',
    'Escalation Path',
    'Contact Procedures',
    'On-call',
    'On call',
    'Oncall',
    'EMERGENCY CONTACTS',
    'emergency contacts:',
    '5. Contacts',
    '📞 Emergency Contacts',
    'Contacts & Escalation',
    'Escalation Policy',
    'Key Contacts',
    'On-Call Rotation',
    'Who to call',
  ])('"%s" is a contacts heading', (heading) => {
    expect(isContactHeading(heading)).toBe(true);
  });

  it.each([
    'Permission Escalation',
    'Privilege Escalation Attack',
    'For On-Call Engineers',
    'On-Call Handbook Overview',
    'Contacting the database',
    'Emergency Ban User',
    'Critical Procedures',
    'Support',
    '',
  ])('"%s" is not', (heading) => {
    expect(isContactHeading(heading)).toBe(false);
  });
});

describe('contactSectionRanges: the same sections from ingest headings, without parsing again', () => {
  it('agrees with findContactSections on where each section starts and which anchor it has', () => {
    const text = [
      '---',
      'title: T',
      '---',
      '# T',
      '',
      '## Emergency Contacts',
      '',
      '- ops@clpr.tv',
      '',
      '### On-call',
      '',
      '- 555-123-4567',
      '',
      '## Steps',
      '',
      '#### Escalation',
      '',
      '- VP',
    ].join('\n');
    const result = ingestRunbook('s', { path: 't.md', bytes: new TextEncoder().encode(text) });
    if (result.kind !== 'runbook') throw new Error('expected a runbook');
    const lastLine = result.body.bodyLine + result.body.markdown.split('\n').length - 1;
    const ranges = contactSectionRanges(result.meta.headings, lastLine);
    const parsed = findContactSections(result.body.markdown, result.body.bodyLine);
    expect(ranges.map((r) => [r.heading.id, r.line])).toEqual(parsed.map((s) => [s.anchor, s.line]));
    expect(ranges.map((r) => [r.line, r.endLine])).toEqual([
      [6, 13],
      [16, 18],
    ]);
  });
});
