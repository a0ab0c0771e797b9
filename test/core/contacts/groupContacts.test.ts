import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../core/contacts/contactModel';
import { extractContacts } from '../../../core/contacts/extractContacts';
import { copyTextOf } from '../../../core/contacts/contactCopyText';
import { canReach, groupContacts, groupContactsInSteps } from '../../../core/contacts/groupContacts';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';

function contactsOf(path: string, text: string): Contact[] {
  const result = ingestRunbook('team', { path, bytes: new TextEncoder().encode(text) });
  if (result.kind !== 'runbook') throw new Error('expected a runbook');
  return extractContacts(result.meta, result.body, { region: 'US' });
}

const failover = contactsOf(
  'database-failover.md',
  [
    '---',
    'title: Database Failover',
    '---',
    '## Emergency Contacts',
    '',
    '- **Engineering Manager**: (555) 123-4567',
    '- **Operations Team**: ops@clpr.tv, Slack #ops-team',
    '- **Security Team**: security@clpr.tv',
  ].join('\n'),
);
const rollback = contactsOf(
  'moderation-rollback.md',
  [
    '---',
    'title: Moderation Rollback',
    '---',
    '## Escalation',
    '',
    '- **engineering manager**: +1-555-123-4567',
    '- **Operations team.**: OPS@clpr.tv',
    '- **On-Call Engineer**: PagerDuty `clipper-primary`',
    '- **Zeta Vendor Support**: zeta@vendor.example',
    '',
    '| Minutes | Escalate to |',
    '|---|---|',
    '| 15 | Engineering Manager by phone |',
    '| 30 | VP Engineering |',
  ].join('\n'),
);

describe('groupContacts', () => {
  const groups = groupContacts([...failover, ...rollback]);
  const group = (label: string) => groups.find((g) => g.label.toLowerCase() === label.toLowerCase());

  it('deduplicates the same number written two ways, listing every runbook it came from', () => {
    const manager = group('Engineering Manager');
    const phones = manager?.entries.filter((e) => e.kind === 'phone') ?? [];
    expect(phones).toHaveLength(1);
    expect(phones[0]).toMatchObject({ id: 'phone:+15551234567', value: '(555) 123-4567', href: 'tel:+15551234567' });
    expect(phones[0]!.sources.map((s) => [s.path, s.title, s.line])).toEqual([
      ['database-failover.md', 'Database Failover', 6],
      ['moderation-rollback.md', 'Moderation Rollback', 6],
    ]);
    expect(phones[0]!.labels).toEqual(['Engineering Manager', 'engineering manager']);
  });

  it('groups labels case- and punctuation-insensitively and shows the most used spelling', () => {
    const ops = groups.filter((g) => g.key === 'operations team');
    expect(ops).toHaveLength(1);
    expect(ops[0]!.label).toBe('Operations Team');
    expect(ops[0]!.entries.map((e) => [e.kind, e.value, e.sources.length])).toEqual([
      ['chat', '#ops-team', 1],
      ['email', 'ops@clpr.tv', 2],
    ]);
  });

  it('drops a bare role from a group that has real contact points, but keeps roles that are all we have', () => {
    expect(group('Engineering Manager')!.entries.map((e) => e.kind)).toEqual(['phone']);
    expect(group('VP Engineering')!.entries.map((e) => [e.kind, e.value])).toEqual([['role', 'VP Engineering']]);
  });

  it('puts on-call first, then security, then reachable teams by their best way to reach them, unreachable ones last', () => {
    expect(groups.map((g) => [g.rank, g.label, g.reachable])).toEqual([
      ['on-call', 'On-call', true],
      ['security', 'Security Team', true],
      ['other', 'Engineering Manager', true],
      ['other', 'Operations Team', true],
      ['other', 'Zeta Vendor Support', true],
      ['other', 'VP Engineering', false],
    ]);
  });

  it('merges every way of saying "the on-call" into one group, keeping the tier, but not a team rotation', () => {
    const said = [
      'Notify on-call engineer',
      'On-call',
      'On-call engineer',
      'Page on-call engineer',
      'Secondary on-call',
      'Database On-Call',
    ];
    const contacts: Contact[] = said.map((label, i) => ({
      id: `phone:+4420794609${50 + i}`,
      label,
      kind: 'phone',
      value: `020 7946 09${50 + i}`,
      href: `tel:+4420794609${50 + i}`,
      source: { sourceId: 's', path: 'p.md', title: 'P', from: 'section' },
    }));
    const merged = groupContacts(contacts);
    expect(merged.map((g) => [g.label, g.entries.length])).toEqual([
      ['On-call', 5],
      ['Database On-Call', 1],
    ]);
    expect(merged[0]!.entries.map((e) => e.tier)).toEqual([undefined, undefined, undefined, undefined, 'Secondary']);
  });

  it('tells ways to reach someone from names and instructions', () => {
    expect(canReach({ kind: 'phone', value: '020 7946 0958' })).toBe(true);
    expect(canReach({ kind: 'paging', value: 'clipper-primary' })).toBe(true);
    expect(canReach({ kind: 'paging', value: 'Page via PagerDuty' })).toBe(false);
    expect(canReach({ kind: 'paging', value: 'Clipper Production', href: 'https://clpr.pagerduty.com/services/P1' })).toBe(true);
    expect(canReach({ kind: 'paging', value: 'PagerDuty', via: 'PagerDuty' })).toBe(false);
    expect(canReach({ kind: 'role', value: 'VP of Engineering' })).toBe(false);
  });

  it('copies the number, address, channel, policy or link, never a label or a sentence', () => {
    expect(copyTextOf({ kind: 'phone', value: ' 020 7946 0958 ext. 4 ' })).toBe('020 7946 0958 ext. 4');
    expect(copyTextOf({ kind: 'chat', value: '#ops-team', via: 'Slack' })).toBe('#ops-team');
    expect(copyTextOf({ kind: 'paging', value: 'clipper-primary', via: 'PagerDuty' })).toBe('clipper-primary');
    expect(copyTextOf({ kind: 'paging', value: 'Clipper Production', href: 'https://clpr.pagerduty.com/services/P1' })).toBe(
      'https://clpr.pagerduty.com/services/P1',
    );
    expect(copyTextOf({ kind: 'paging', value: 'Page the on-call engineer', via: 'PagerDuty' })).toBeUndefined();
    expect(copyTextOf({ kind: 'paging', value: 'PagerDuty', via: 'PagerDuty' })).toBeUndefined();
    expect(copyTextOf({ kind: 'role', value: 'VP of Engineering' })).toBeUndefined();
  });

  it('orders entries phone, paging, chat, email, role', () => {
    const mixed: Contact[] = ['email', 'role', 'chat', 'phone', 'paging'].map((kind, i) => ({
      id: `${kind}:${i}`,
      label: 'Desk',
      kind: kind as Contact['kind'],
      value: `v${i}`,
      source: { sourceId: 's', path: 'p.md', title: 'P', from: 'section' },
    }));
    expect(groupContacts(mixed)[0]!.entries.map((e) => e.kind)).toEqual(['phone', 'paging', 'chat', 'email', 'role']);
  });

  it('files a contact listed under two labels under the label used most', () => {
    const source = { sourceId: 's', path: 'a.md', title: 'A', from: 'section' as const };
    const same = (label: string, path: string, line: number): Contact => ({
      id: 'email:noc@clpr.tv',
      label,
      kind: 'email',
      value: 'noc@clpr.tv',
      href: 'mailto:noc@clpr.tv',
      source: { ...source, path, line },
    });
    const result = groupContacts([same('Ops', 'a.md', 1), same('NOC', 'b.md', 2), same('NOC', 'c.md', 3)]);
    expect(result.map((g) => [g.label, g.entries.length])).toEqual([['NOC', 1]]);
    expect(result[0]!.entries[0]!.labels).toEqual(['Ops', 'NOC']);
    expect(result[0]!.entries[0]!.sources).toHaveLength(3);
  });

  it('gives an empty panel for no contacts', () => {
    expect(groupContacts([])).toEqual([]);
  });
});

describe('groupContactsInSteps', () => {
  it('pauses while grouping thousands of teams and still returns them in label order', () => {
    const teams = Array.from({ length: 1500 }, (_, i) => `Team ${String((i * 7919) % 1500).padStart(4, '0')}`);
    const text = ['---', 'title: Many Teams', '---', '## Emergency Contacts', '', ...teams.map((t, i) => `- **${t}**: t${i}@clpr.tv`)].join(
      '\n',
    );
    const contacts = contactsOf('many-teams.md', text);
    const steps = groupContactsInSteps(contacts);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    // Grouping and sorting 1,500 teams takes several pauses, and the merge across them keeps every group in order.
    expect(pauses).toBeGreaterThan(5);
    const labels = step.value.map((g) => g.label);
    expect(labels).toHaveLength(1500);
    expect(labels).toEqual([...teams].sort());
    expect(groupContacts(contacts).map((g) => g.label)).toEqual(labels);
  });

  it('names a team by the spelling its entries use most, the first one seen on a tie', () => {
    const lines = (labels: string[]) => labels.map((label, i) => `- ${label}: ops${i}@example.com`).join('\n');
    const teamOf = (labels: string[]) => groupContacts(contactsOf('ops.md', `# Ops\n\n## Emergency contacts\n\n${lines(labels)}\n`));
    expect(teamOf(['Storage team', 'STORAGE TEAM', 'Storage Team', 'STORAGE TEAM']).map((g) => g.label)).toEqual(['STORAGE TEAM']);
    expect(teamOf(['Storage team', 'STORAGE TEAM']).map((g) => g.label)).toEqual(['Storage team']);
    expect(teamOf(['Storage team', 'Storage team', 'STORAGE TEAM']).map((g) => g.label)).toEqual(['Storage team']);
  });
});
