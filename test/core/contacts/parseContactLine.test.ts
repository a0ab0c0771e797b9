import { describe, expect, it } from 'vitest';
import { parseContactLine } from '../../../core/contacts/parseContactLine';

type Expected = [kind: string, value: string, href?: string];

interface Case {
  line: string;
  label?: string;
  contacts: Expected[];
  note?: string;
}

/** The lines are written with North American national numbers. */
const SLACK = { slackWorkspace: 'clpr', region: 'US' };
const channelHref = (name: string) => `https://clpr.slack.com/app_redirect?channel=${name}`;

/** Real-world contact lines, as runbooks write them, and what an on-call engineer must get from each. */
const CASES: Case[] = [
  {
    line: '- **Operations Team**: ops@clpr.tv, Slack #ops-team, (555) 123-4567',
    label: 'Operations Team',
    contacts: [
      ['email', 'ops@clpr.tv', 'mailto:ops@clpr.tv'],
      ['chat', '#ops-team', channelHref('ops-team')],
      ['phone', '(555) 123-4567', 'tel:+15551234567'],
    ],
  },
  {
    line: '- **On-Call Engineer**: PagerDuty service "Clipper Production" (policy `clipper-primary`), respond < 5 min',
    label: 'On-Call Engineer',
    contacts: [['paging', 'clipper-primary']],
    note: 'PagerDuty service "Clipper Production", respond < 5 min',
  },
  {
    line: '- **Security Team**: security@clpr.tv, +1 555 010 2233 (24/7), Slack #security-incidents',
    label: 'Security Team',
    contacts: [
      ['email', 'security@clpr.tv', 'mailto:security@clpr.tv'],
      ['phone', '+1 555 010 2233', 'tel:+15550102233'],
      ['chat', '#security-incidents', channelHref('security-incidents')],
    ],
    note: '24/7',
  },
  {
    line: '- **Database On-Call**: 555.010.4477 ext. 12',
    label: 'Database On-Call',
    contacts: [['phone', '555.010.4477 ext. 12', 'tel:+15550104477;ext=12']],
  },
  {
    line: '- **Trust & Safety Lead**: ts-lead@clpr.tv, +1 (555) 010-5150',
    label: 'Trust & Safety Lead',
    contacts: [
      ['email', 'ts-lead@clpr.tv', 'mailto:ts-lead@clpr.tv'],
      ['phone', '+1 (555) 010-5150', 'tel:+15550105150'],
    ],
  },
  {
    line: '**Engineering Manager:** +1-555-123-4567',
    label: 'Engineering Manager',
    contacts: [['phone', '+1-555-123-4567', 'tel:+15551234567']],
  },
  { line: 'On-Call Engineer: PagerDuty alert', label: 'On-Call Engineer', contacts: [['paging', 'PagerDuty alert']] },
  {
    line: '* Incident Commander — 1-800-555-0199',
    label: 'Incident Commander',
    contacts: [['phone', '1-800-555-0199', 'tel:+18005550199']],
  },
  {
    line: '1. Network Operations Center - 555 123 4567',
    label: 'Network Operations Center',
    contacts: [['phone', '555 123 4567', 'tel:+15551234567']],
  },
  { line: '- London NOC: +44 20 7946 0958', label: 'London NOC', contacts: [['phone', '+44 20 7946 0958', 'tel:+442079460958']] },
  { line: '- London NOC: +44 (0)20 7946 0958', label: 'London NOC', contacts: [['phone', '+44 (0)20 7946 0958', 'tel:+442079460958']] },
  {
    line: '- **Tokyo Support**: +81 3-1234-5678 (09:00–18:00 JST)',
    label: 'Tokyo Support',
    contacts: [['phone', '+81 3-1234-5678', 'tel:+81312345678']],
    note: '09:00–18:00 JST',
  },
  {
    line: '- **DBA**: [Call](tel:+15550104477) or [email](mailto:dba@clpr.tv)',
    label: 'DBA',
    contacts: [
      ['phone', '+15550104477', 'tel:+15550104477'],
      ['email', 'dba@clpr.tv', 'mailto:dba@clpr.tv'],
    ],
  },
  { line: '- **Ops**: <ops@clpr.tv>', label: 'Ops', contacts: [['email', 'ops@clpr.tv', 'mailto:ops@clpr.tv']] },
  {
    line: '- **Ops**: [ops@clpr.tv](mailto:ops@clpr.tv?subject=Incident)',
    label: 'Ops',
    contacts: [['email', 'ops@clpr.tv', 'mailto:ops@clpr.tv']],
  },
  {
    line: '- **Platform**: [#platform-sre](https://clpr.slack.com/archives/C024BE91L)',
    label: 'Platform',
    contacts: [['chat', '#platform-sre', 'https://clpr.slack.com/archives/C024BE91L']],
  },
  {
    line: '- **Platform**: [open channel](slack://channel?team=T123&id=C456)',
    label: 'Platform',
    contacts: [['chat', 'open channel', 'slack://channel?team=T123&id=C456']],
  },
  {
    line: '- **Infra**: [Infra incidents](https://teams.microsoft.com/l/channel/19%3Aabc/Incidents?groupId=1)',
    label: 'Infra',
    contacts: [['chat', 'Infra incidents', 'https://teams.microsoft.com/l/channel/19%3Aabc/Incidents?groupId=1']],
  },
  {
    line: '- **Primary on-call**: https://clpr.pagerduty.com/escalation_policies/PABC123',
    label: 'Primary on-call',
    contacts: [
      ['paging', 'https://clpr.pagerduty.com/escalation_policies/PABC123', 'https://clpr.pagerduty.com/escalation_policies/PABC123'],
    ],
  },
  {
    line: '- **Payments on-call**: Opsgenie schedule `payments-oncall`',
    label: 'Payments on-call',
    contacts: [['paging', 'payments-oncall']],
  },
  { line: '- **SRE**: page `sre-primary` via PagerDuty', label: 'SRE', contacts: [['paging', 'sre-primary']] },
  { line: '- Phone: (555) 123-4567', contacts: [['phone', '(555) 123-4567', 'tel:+15551234567']] },
  { line: '- Email: dba@clpr.tv', contacts: [['email', 'dba@clpr.tv', 'mailto:dba@clpr.tv']] },
  { line: '- Slack: ops-team', contacts: [['chat', '#ops-team', channelHref('ops-team')]] },
  { line: '- Mobile: 5551234567', contacts: [['phone', '5551234567', 'tel:+15551234567']] },
  { line: '- Escalation policy: clipper-primary', contacts: [['paging', 'clipper-primary']] },
  {
    line: 'For anything urgent call (555) 123-4567.',
    contacts: [['phone', '(555) 123-4567', 'tel:+15551234567']],
    note: 'For anything urgent',
  },
  { line: '- **VP Engineering**', label: 'VP Engineering', contacts: [['role', 'VP Engineering']] },
  { line: '- Security Team', label: 'Security Team', contacts: [['role', 'Security Team']] },
  {
    line: '- **Cloud Provider Support**: open an "urgent" case in the provider\'s enterprise support portal',
    label: 'Cloud Provider Support',
    contacts: [['role', 'open an "urgent" case in the provider\'s enterprise support portal']],
  },
  {
    line: '- **Old hotline**: ~~(555) 999-0000~~ use (555) 123-4567',
    label: 'Old hotline',
    contacts: [['phone', '(555) 123-4567', 'tel:+15551234567']],
  },
  { line: '- **Ops** (weekdays): ops@clpr.tv', label: 'Ops', contacts: [['email', 'ops@clpr.tv', 'mailto:ops@clpr.tv']], note: 'weekdays' },
  { line: '- **Mattermost**: #town-square on Mattermost', contacts: [['chat', '#town-square']] },
  {
    line: '- **Bureau de protection des données — Montréal**: dpo-montreal@clpr.tv, +1 555 010 7272',
    label: 'Bureau de protection des données — Montréal',
    contacts: [
      ['email', 'dpo-montreal@clpr.tv', 'mailto:dpo-montreal@clpr.tv'],
      ['phone', '+1 555 010 7272', 'tel:+15550107272'],
    ],
  },
  {
    line: '- **東京オンコール**: tokyo-oncall@clpr.tv',
    label: '東京オンコール',
    contacts: [['email', 'tokyo-oncall@clpr.tv', 'mailto:tokyo-oncall@clpr.tv']],
  },
  {
    line: '- **Ops**: dial `555-123-4567` from any desk phone',
    label: 'Ops',
    contacts: [['phone', '555-123-4567', 'tel:+15551234567']],
    note: 'dial from any desk phone',
  },
  {
    line: '- **SRE** — `#sre-oncall` (Slack) / sre@clpr.tv',
    label: 'SRE',
    contacts: [
      ['chat', '#sre-oncall', channelHref('sre-oncall')],
      ['email', 'sre@clpr.tv', 'mailto:sre@clpr.tv'],
    ],
  },
  {
    line: '- **Ops** - 555-010-3300 (desk), 555-010-3301 (mobile)',
    label: 'Ops',
    contacts: [
      ['phone', '555-010-3300', 'tel:+15550103300'],
      ['phone', '555-010-3301', 'tel:+15550103301'],
    ],
    note: 'desk, mobile',
  },
  {
    line: '- Jane Doe (DBA lead) – +1 555 010 1111',
    label: 'Jane Doe (DBA lead)',
    contacts: [['phone', '+1 555 010 1111', 'tel:+15550101111']],
  },
  {
    line: '- Call the NOC at 1 (800) 555-0199 ext 4, 24 hours a day',
    contacts: [['phone', '1 (800) 555-0199 ext 4', 'tel:+18005550199;ext=4']],
    note: 'Call the NOC, 24 hours a day',
  },
  // Lines that look busy but hold no contact: nothing may be made up from them.
  { line: 'Page through PagerDuty first; Slack is for coordination, not for waking people.', contacts: [] },
  { line: '- Release 2.14.3 shipped on 2026-02-03 to 10.0.12.45 (INC-20260203, JIRA-1234)', contacts: [] },
  { line: '- Health check: `curl -s http://10.0.12.45:8080/healthz` returns 200 in < 5000ms', contacts: [] },
  { line: '- Rollback commit 3f2a9c1d took 12:30 and cost $1,234.56 (99.95% uptime)', contacts: [] },
  { line: '- Note: see the [status page](https://status.clpr.tv) #42', contacts: [] },
  { line: 'Security responds within 30 minutes around the clock.', contacts: [] },
];

describe('parseContactLine: real-world contact lines', () => {
  it('covers at least 30 formats', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.line, c] as const))('%s', (_line, c) => {
    const parsed = parseContactLine(c.line, SLACK);
    expect(parsed.contacts.map((p) => (p.href === undefined ? [p.kind, p.value] : [p.kind, p.value, p.href]))).toEqual(c.contacts);
    if (c.contacts.length > 0) expect(parsed.label).toBe(c.label);
    if (c.note !== undefined) expect(parsed.note).toBe(c.note);
  });
});

describe('parseContactLine: details the panel relies on', () => {
  it('gives each contact point its offsets in the plain text, for linking it in place', () => {
    const parsed = parseContactLine('**Ops**: ops@clpr.tv, (555) 123-4567', { region: 'US' });
    for (const c of parsed.contacts) expect(parsed.text.slice(c.start, c.end)).toBe(c.value);
  });

  it('credits chat channels and paging to their service', () => {
    expect(parseContactLine('**Ops**: Slack #ops-team').contacts[0]?.via).toBe('Slack');
    expect(parseContactLine('**Ops**: Microsoft Teams channel #ops-bridge').contacts[0]?.via).toBe('Microsoft Teams');
    expect(parseContactLine('**Ops**: PagerDuty `ops-primary`').contacts[0]?.via).toBe('PagerDuty');
    expect(parseContactLine('**Ops**: Opsgenie `ops-primary` schedule').contacts[0]?.via).toBe('Opsgenie');
  });

  it('leaves a Slack channel copy-only (no href) when no workspace is configured', () => {
    const [channel] = parseContactLine('**Ops**: Slack #ops-team').contacts;
    expect(channel).toMatchObject({ kind: 'chat', value: '#ops-team' });
    expect(channel?.href).toBeUndefined();
    // Only Slack channels can be opened by name; a Teams channel stays copy-only even with a workspace.
    expect(parseContactLine('**Ops**: MS Teams #ops', SLACK).contacts[0]?.href).toBeUndefined();
  });

  it('reads national numbers in the region given, and never dials one written for another country', () => {
    expect(parseContactLine('**Ops**: 020 7946 0958', { region: 'GB' }).contacts[0]?.href).toBe('tel:+442079460958');
    const [foreign] = parseContactLine('**Ops**: (555) 123-4567', { region: 'GB' }).contacts;
    expect(foreign?.kind).toBe('phone');
    expect(foreign?.href).toBeUndefined();
    expect(foreign?.phone?.checkReason).toMatch(/dialled with 0/);
    expect(parseContactLine('**Ops**: 020 7946 0958').contacts[0]?.phone).toEqual({ needsRegion: true });
  });

  it('reads only the first line of a multi-line string', () => {
    const parsed = parseContactLine('**Ops**: ops@clpr.tv\n**Security**: security@clpr.tv');
    expect(parsed.label).toBe('Ops');
    expect(parsed.contacts.map((c) => c.value)).toEqual(['ops@clpr.tv']);
  });

  it('never throws on odd input', () => {
    for (const odd of ['', '   ', '**', ':', '- ', '| a | b |', '```', '<div>x</div>', '#', '+', '(((((', '\u0000', 'x'.repeat(10_000)]) {
      expect(() => parseContactLine(odd)).not.toThrow();
    }
  });
});
