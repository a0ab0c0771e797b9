import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../core/contacts/contactModel';
import { TEAM_RULES_VERSION, teamOfLabel } from '../../../core/contacts/contactLabels';
import { groupContacts } from '../../../core/contacts/groupContacts';
import { packContacts, packedTeams, unpackContacts, type PackedContacts } from '../../../core/contacts/packContacts';

const section = { sourceId: 'ops', path: 'oncall.md', title: 'On-call', lastReviewed: '2026-01-10', from: 'section' as const };

const contacts: Contact[] = [
  {
    id: 'phone:+14155550100',
    label: 'Operations Team',
    kind: 'phone',
    value: '+1 (415) 555-0100',
    href: 'tel:+14155550100',
    note: '24/7',
    phone: { region: 'US', regionFrom: 'runbook' },
    source: { ...section, anchor: 'emergency-contacts', heading: 'Emergency contacts', line: 12 },
  },
  {
    id: 'chat:#ops',
    label: 'Operations Team',
    kind: 'chat',
    value: '#ops',
    via: 'Slack',
    source: { ...section, anchor: 'emergency-contacts', heading: 'Emergency contacts', line: 13 },
  },
  {
    id: 'role:vp engineering',
    label: 'VP Engineering',
    kind: 'role',
    value: 'VP Engineering',
    source: { ...section, anchor: 'escalation', heading: 'Escalation', line: 20 },
  },
  { id: 'email:sec@example.com', label: 'Security', kind: 'email', value: 'sec@example.com', source: { ...section, from: 'front-matter' } },
];

describe('packContacts', () => {
  it('gives back every contact field for field, in order, after a trip through structured clone', () => {
    expect(unpackContacts(structuredClone(packContacts(contacts)))).toEqual(contacts);
  });

  it('stores each place once, however many contacts were found there', () => {
    const many = Array.from({ length: 500 }, (_, i): Contact => ({
      ...contacts[0]!,
      id: `phone:${i}`,
      source: { ...contacts[0]!.source, line: i + 1 },
    }));
    const packed = packContacts(many);
    expect(packed.places).toHaveLength(1);
    expect(unpackContacts(packed).map((c) => c.source.line)).toEqual(many.map((c) => c.source.line));
  });

  it('leaves out the columns no contact uses', () => {
    const packed = packContacts([contacts[2]!]);
    expect(packed).not.toHaveProperty('href');
    expect(packed).not.toHaveProperty('phone');
  });

  it('reads a list of an unknown format, or none, as no contacts rather than misreading it', () => {
    expect(unpackContacts(undefined)).toEqual([]);
    expect(unpackContacts({ ...packContacts(contacts), format: 99 as 1 })).toEqual([]);
  });
});

describe('packedTeams', () => {
  const onCall: Contact[] = [
    ...contacts,
    { ...contacts[0]!, id: 'phone:+14155550199', value: '+1 (415) 555-0199', label: 'Secondary on-call', href: 'tel:+14155550199' },
    { ...contacts[1]!, id: 'chat:#db', value: '#db', label: 'Database On-Call' },
  ];
  const teamsOf = (packed: PackedContacts) => {
    const teams = { key: [] as (string | undefined)[], tier: [] as string[] };
    packedTeams(packed, teams);
    return teams;
  };

  it('gives each contact the team teamOfLabel gives its label, worked out when the list was packed', () => {
    const teams = teamsOf(structuredClone(packContacts(onCall)));
    expect(teams.key).toEqual(onCall.map((c) => teamOfLabel(c.label).key));
    expect(teams.tier).toEqual(onCall.map((c) => teamOfLabel(c.label).tier ?? ''));
    expect(teams.tier[onCall.length - 2]).toBe('Secondary');
  });

  it('groups the panel exactly as when every team is worked out on the spot', () => {
    expect(groupContacts(onCall, teamsOf(packContacts(onCall)))).toEqual(groupContacts(onCall));
  });

  it('leaves teams worked out by other rules to be worked out again', () => {
    const packed = packContacts(onCall);
    const teams = teamsOf({ ...packed, teams: { ...packed.teams!, rules: TEAM_RULES_VERSION - 1 } });
    expect(teams.key).toEqual(onCall.map(() => undefined));
    expect(groupContacts(onCall, teams)).toEqual(groupContacts(onCall));
    // Stored teams are what the grouping follows: one from other rules would regroup the panel.
    const stale = { key: onCall.map((c) => (c.label === 'Operations Team' ? 'somewhere else' : undefined)), tier: onCall.map(() => '') };
    expect(groupContacts(onCall, stale).map((g) => g.key)).toContain('somewhere else');
  });
});
