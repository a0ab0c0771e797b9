import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Contact, ContactOptions } from '../../../core/contacts/contactModel';
import { runbookRegion } from '../../../core/contacts/phoneRegion';
import { extractContacts } from '../../../core/contacts/extractContacts';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import type { RunbookBody, RunbookMeta } from '../../../core/model';

function ingest(text: string, path = 'ops/runbook.md'): { meta: RunbookMeta; body: RunbookBody } {
  const result = ingestRunbook('team', { path, bytes: new TextEncoder().encode(text) });
  if (result.kind !== 'runbook') throw new Error(`not a runbook: ${result.skipped.message}`);
  return result;
}

/** The unit tests' runbooks are written with North American national numbers. */
function contactsOf(text: string, options: ContactOptions = { region: 'US' }): Contact[] {
  const { meta, body } = ingest(text);
  return extractContacts(meta, body, options);
}

const brief = (c: Contact) => [c.label, c.kind, c.value, c.href];

describe('extractContacts: contacts sections', () => {
  it('reads labelled list items with their file line, section anchor and runbook', () => {
    const text = [
      '---', // 1
      'title: Database Failover', // 2
      '---', // 3
      '# Database Failover', // 4
      '', // 5
      '## Steps', // 6
      '', // 7
      '1. Call nobody yet: 555-999-0000 is the old lab number', // 8: outside a contacts section
      '', // 9
      '## Emergency Contacts', // 10
      '', // 11
      '- **Database On-Call**: 555.010.4477 ext. 12, dba-oncall@clpr.tv', // 12
      '- **Engineering Manager**: +1-555-123-4567', // 13
    ].join('\n');
    const contacts = contactsOf(text);
    expect(contacts.map(brief)).toEqual([
      ['Database On-Call', 'phone', '555.010.4477 ext. 12', 'tel:+15550104477;ext=12'],
      ['Database On-Call', 'email', 'dba-oncall@clpr.tv', 'mailto:dba-oncall@clpr.tv'],
      ['Engineering Manager', 'phone', '+1-555-123-4567', 'tel:+15551234567'],
    ]);
    expect(contacts[2]!.source).toEqual({
      sourceId: 'team',
      path: 'ops/runbook.md',
      title: 'Database Failover',
      from: 'section',
      anchor: 'emergency-contacts',
      heading: 'Emergency Contacts',
      line: 13,
    });
    expect(contacts[0]!.id).toBe('phone:+15550104477;ext=12');
  });

  it('gives nested list items the label of the item above them, and keeps that item as a role only when alone', () => {
    const text = [
      '## Contacts',
      '',
      '- **Database team**',
      '  - Phone: (555) 010-4477',
      '  - Email: dba@clpr.tv',
      '  - Slack: db-oncall',
      '- **Incident Commander**',
      '- Platform',
      '  1. sre@clpr.tv',
    ].join('\n');
    expect(contactsOf(text, { slackWorkspace: 'clpr', region: 'US' }).map(brief)).toEqual([
      ['Database team', 'phone', '(555) 010-4477', 'tel:+15550104477'],
      ['Database team', 'email', 'dba@clpr.tv', 'mailto:dba@clpr.tv'],
      ['Database team', 'chat', '#db-oncall', 'https://clpr.slack.com/app_redirect?channel=db-oncall'],
      ['Incident Commander', 'role', 'Incident Commander', undefined],
      ['Platform', 'email', 'sre@clpr.tv', 'mailto:sre@clpr.tv'],
    ]);
  });

  it('reads a Role | Phone | Email table, with bare values in typed columns and other columns as notes', () => {
    const text = [
      '## Escalation Path',
      '',
      '| Role | Phone | Email | Slack | Hours |',
      '|------|-------|-------|-------|-------|',
      '| Primary on-call | (555) 010-1000 | oncall@clpr.tv | #oncall | 24/7 |',
      '| Security Team | 5550102233 | security@clpr.tv | — | 24/7 |',
      '| VP Engineering | | | | business hours |',
    ].join('\n');
    const contacts = contactsOf(text);
    expect(contacts.map(brief)).toEqual([
      ['Primary on-call', 'phone', '(555) 010-1000', 'tel:+15550101000'],
      ['Primary on-call', 'email', 'oncall@clpr.tv', 'mailto:oncall@clpr.tv'],
      ['Primary on-call', 'chat', '#oncall', undefined],
      ['Security Team', 'phone', '5550102233', 'tel:+15550102233'],
      ['Security Team', 'email', 'security@clpr.tv', 'mailto:security@clpr.tv'],
      ['VP Engineering', 'role', 'VP Engineering', undefined],
    ]);
    expect(contacts[0]!.note).toBe('Hours: 24/7');
    expect(contacts[5]!.note).toBe('Hours: business hours');
    expect(contacts[3]!.source.line).toBe(6);
  });

  it('reads an escalation ladder table whose people have no number of their own as roles', () => {
    const text = [
      '## Contact Procedures',
      '',
      '1. Page through PagerDuty first; Slack is for coordination, not for waking people.',
      '2. Escalation ladder if no acknowledgement:',
      '',
      '   | Minutes without ack | Escalate to |',
      '   |---------------------|-------------|',
      '   | 5 | Secondary on-call (automatic) |',
      '   | 15 | Engineering Manager by phone |',
      '',
      '3. Security issues always also go to the Security Team, in parallel.',
    ].join('\n');
    const contacts = contactsOf(text);
    expect(contacts.map((c) => [c.label, c.kind, c.note])).toEqual([
      ['Secondary on-call', 'role', 'Minutes without ack: 5; automatic'],
      ['Engineering Manager', 'role', 'Minutes without ack: 15; by phone'],
    ]);
  });

  it('uses sub-headings and lead-in lines as labels, and the runbook title when nothing names the team', () => {
    const text = [
      '---',
      'title: Payments API',
      '---',
      '## Contacts',
      '',
      'Anything urgent: call (555) 010-2000.',
      '',
      '### Payments SRE',
      '',
      'sre-payments@clpr.tv or #payments-sre',
      '',
      '**Finance Desk**',
      '- (555) 010-3000',
    ].join('\n');
    expect(contactsOf(text).map(brief)).toEqual([
      ['Payments API', 'phone', '(555) 010-2000', 'tel:+15550102000'],
      ['Payments SRE', 'email', 'sre-payments@clpr.tv', 'mailto:sre-payments@clpr.tv'],
      ['Payments SRE', 'chat', '#payments-sre', undefined],
      ['Finance Desk', 'phone', '(555) 010-3000', 'tel:+15550103000'],
    ]);
  });

  it('names contacts of an "On-call" section after it', () => {
    expect(contactsOf('## On-call\n\n- (555) 010-4000\n').map((c) => c.label)).toEqual(['On-call']);
  });

  it('reads several people written one per line in one paragraph', () => {
    const text = ['## Contacts', '', '**Ops**: ops@clpr.tv', '**Security**: security@clpr.tv,', '+1 555 010 2233'].join('\n');
    expect(contactsOf(text).map((c) => [c.label, c.value, c.source.line])).toEqual([
      ['Ops', 'ops@clpr.tv', 3],
      ['Security', 'security@clpr.tv', 4],
      ['Security', '+1 555 010 2233', 5],
    ]);
  });

  it('ignores code blocks, struck-out numbers and everything outside contacts sections', () => {
    const text = [
      '## Diagnostics',
      '',
      'Old hotline 555-000-1111.',
      '',
      '## Emergency Contacts',
      '',
      '```',
      'curl -H "X-Phone: 555-123-4567" http://10.0.12.45:8080',
      '```',
      '',
      '- **Ops**: ~~555-000-2222~~ (555) 010-3300',
    ].join('\n');
    expect(contactsOf(text).map((c) => c.value)).toEqual(['(555) 010-3300']);
  });

  it('credits each contact to its own section when two sections share a heading', () => {
    const text = ['## Contacts', '', '- **Ops**: ops@clpr.tv', '', '## Steps', '', '## Contacts', '', '- **DBA**: dba@clpr.tv'].join('\n');
    expect(contactsOf(text).map((c) => [c.value, c.source.anchor, c.source.line])).toEqual([
      ['ops@clpr.tv', 'contacts', 3],
      ['dba@clpr.tv', 'contacts-1', 9],
    ]);
  });

  it('lists each contact once per runbook', () => {
    const text = ['## Contacts', '', '- **Ops**: ops@clpr.tv', '', '## Escalation', '', '- **Ops**: OPS@clpr.tv, (555) 010-3300'].join(
      '\n',
    );
    expect(contactsOf(text).map((c) => c.value)).toEqual(['ops@clpr.tv', '(555) 010-3300']);
  });

  it('gives a runbook with no contacts section and no front matter contacts an empty list', () => {
    expect(contactsOf('# Title\n\n## Permission Escalation\n\nCall 555-123-4567.\n')).toEqual([]);
  });
});

describe('extractContacts: front matter', () => {
  it('reads the contacts list, after the body, credited to the front matter', () => {
    const text = [
      '---',
      'title: Billing',
      'contacts:',
      '  - name: On-call',
      "    phone: '(555) 010-9000'",
      '    email: billing-oncall@clpr.tv',
      "    slack: '#billing'",
      '    pagerduty: billing-primary',
      '  - "Finance Lead: finance@clpr.tv"',
      '  - ap@clpr.tv',
      '  - 42',
      '  - [nested, junk]',
      '  - { name: "" }',
      '---',
      '## Contacts',
      '',
      '- **Ops**: ops@clpr.tv',
    ].join('\n');
    const contacts = contactsOf(text, { slackWorkspace: 'clpr', region: 'US' });
    expect(contacts.map(brief)).toEqual([
      ['Ops', 'email', 'ops@clpr.tv', 'mailto:ops@clpr.tv'],
      ['On-call', 'phone', '(555) 010-9000', 'tel:+15550109000'],
      ['On-call', 'email', 'billing-oncall@clpr.tv', 'mailto:billing-oncall@clpr.tv'],
      ['On-call', 'chat', '#billing', 'https://clpr.slack.com/app_redirect?channel=billing'],
      ['On-call', 'paging', 'billing-primary', undefined],
      ['Finance Lead', 'email', 'finance@clpr.tv', 'mailto:finance@clpr.tv'],
      ['Billing', 'email', 'ap@clpr.tv', 'mailto:ap@clpr.tv'],
    ]);
    expect(contacts[1]!.source).toEqual({ sourceId: 'team', path: 'ops/runbook.md', title: 'Billing', from: 'front-matter' });
    expect(contacts[4]!.via).toBe('PagerDuty');
  });

  it('survives any shape of contacts value without throwing', () => {
    for (const value of [
      'contacts: 7',
      'contacts: true',
      'contacts: {}',
      'contacts: []',
      'contacts: null',
      'contacts: "just text"',
      'contacts: [[[]]]',
    ]) {
      expect(() => contactsOf(`---\ntitle: X\n${value}\n---\nbody\n`)).not.toThrow();
    }
  });
});

describe('extractContacts over the bundled runbooks', () => {
  const folder = fileURLToPath(new URL('../../../runbooks', import.meta.url));
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const runbooks = files.map((file) => {
    const result = ingestRunbook('bundled', { path: file, bytes: readFileSync(join(folder, file)) });
    if (result.kind !== 'runbook') throw new Error(`${file} was skipped: ${result.skipped.message}`);
    return { file, ...result, contacts: extractContacts(result.meta, result.body, { region: runbookRegion(result.meta.extra) }) };
  });

  it('has runbooks with emergency contacts sections to check', () => {
    const withSection = runbooks.filter((r) => r.meta.headings.some((h) => /^emergency contacts$/i.test(h.text)));
    expect(withSection.length).toBeGreaterThanOrEqual(5);
  });

  it('gets at least one phone number or email from every runbook with an Emergency Contacts section', () => {
    for (const r of runbooks) {
      const section = r.meta.headings.find((h) => /^emergency contacts$/i.test(h.text));
      if (!section) continue;
      const reachable = r.contacts.filter((c) => (c.kind === 'phone' || c.kind === 'email') && c.source.anchor === section.id);
      expect(reachable.length, `${r.file} yields no phone or email from "${section.text}"`).toBeGreaterThan(0);
      for (const c of reachable) expect(c.href, `${r.file}: ${c.value}`).toMatch(/^(tel:\+\d{8,15}(;ext=\d+)?|mailto:[^@\s]+@[^@\s]+)$/);
    }
  });

  it('gets the Engineering Manager phone from the index as tel:+15551234567', () => {
    const index = runbooks.find((r) => r.file === 'README.md');
    expect(index, 'runbooks/README.md is missing').toBeDefined();
    const manager = index!.contacts.filter((c) => c.label === 'Engineering Manager' && c.kind === 'phone');
    expect(manager.map((c) => c.href)).toEqual(['tel:+15551234567']);
  });
});

describe('extractContacts: hostile contacts sections', () => {
  for (const count of [16_000, 32_000]) {
    it(`reads a line of ${count.toLocaleString('en')} " #a" channel mentions as the one channel it names`, () => {
      const contacts = contactsOf(`# Pathology\n\n## Emergency Contacts\n\n**Ops**:${' #a'.repeat(count)}\n`);
      expect(contacts.map((c) => [c.kind, c.value, c.label])).toEqual([['chat', '#a', 'Ops']]);
    });
  }

  it('reads thousands of labelled lines in one paragraph, each with its own line number', () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `Team ${i}: #team-${i}`);
    const contacts = contactsOf(`# Many\n\n## Emergency Contacts\n\n${lines.join('\n')}\n`);
    expect(contacts).toHaveLength(5_000);
    expect(contacts.at(-1)).toMatchObject({ value: '#team-4999', label: 'Team 4999', source: expect.objectContaining({ line: 5_004 }) });
  });

  it('reads a contact inside emphasis nested thousands of levels deep', () => {
    const contacts = contactsOf(`# Deep\n\n## Contacts\n\n- **DBA**: ${'*'.repeat(12_000)}dba@example.com${'*'.repeat(12_000)}\n`);
    expect(contacts.map((c) => [c.kind, c.value])).toEqual([['email', 'dba@example.com']]);
  });
});
