import { describe, expect, it } from 'vitest';
import { readFrontMatterContacts } from '../../../core/contacts/readFrontMatterContacts';

/** What a fictional 555 number read as North American carries: its region and a reason to check it. */
const EXAMPLE_US = { region: 'US', checkReason: 'not a valid US number (an example or a typo?)' };

describe('readFrontMatterContacts', () => {
  it('reads objects with the usual field names, in any case, with lists of values', () => {
    const { contacts, problems } = readFrontMatterContacts(
      [
        {
          Name: 'On-call',
          Phone: ['(555) 010-9000', 5550109001],
          'E-mail': 'oncall@clpr.tv',
          slack: 'billing',
          PagerDuty: 'https://clpr.pagerduty.com/service-directory/PX1',
          hours: '24/7',
        },
        { team: 'Infra', teams: 'https://teams.microsoft.com/l/channel/19%3Ax/Infra', opsgenie: 'infra-primary' },
      ],
      { slackWorkspace: 'clpr', region: 'US' },
    );
    expect(problems).toEqual([]);
    expect(contacts).toEqual([
      { label: 'On-call', kind: 'phone', value: '(555) 010-9000', href: 'tel:+15550109000', note: '24/7', phone: EXAMPLE_US },
      { label: 'On-call', kind: 'phone', value: '5550109001', href: 'tel:+15550109001', note: '24/7', phone: EXAMPLE_US },
      { label: 'On-call', kind: 'email', value: 'oncall@clpr.tv', href: 'mailto:oncall@clpr.tv', note: '24/7' },
      {
        label: 'On-call',
        kind: 'chat',
        value: '#billing',
        via: 'Slack',
        href: 'https://clpr.slack.com/app_redirect?channel=billing',
        note: '24/7',
      },
      {
        label: 'On-call',
        kind: 'paging',
        value: 'https://clpr.pagerduty.com/service-directory/PX1',
        href: 'https://clpr.pagerduty.com/service-directory/PX1',
        via: 'PagerDuty',
        note: '24/7',
      },
      {
        label: 'Infra',
        kind: 'chat',
        value: 'https://teams.microsoft.com/l/channel/19%3Ax/Infra',
        href: 'https://teams.microsoft.com/l/channel/19%3Ax/Infra',
        via: 'Microsoft Teams',
      },
      { label: 'Infra', kind: 'paging', value: 'infra-primary', via: 'Opsgenie' },
    ]);
  });

  it('reads plain lines, a label → line map, and a single item', () => {
    expect(
      readFrontMatterContacts(['Security Team: security@clpr.tv, +1 555 010 2233'], { region: 'US' }).contacts.map((c) => [
        c.label,
        c.kind,
        c.href,
      ]),
    ).toEqual([
      ['Security Team', 'email', 'mailto:security@clpr.tv'],
      ['Security Team', 'phone', 'tel:+15550102233'],
    ]);
    expect(
      readFrontMatterContacts(
        { 'Security Team': 'security@clpr.tv', 'Database On-Call': { phone: '555.010.4477 ext. 12' } },
        { region: 'US' },
      ).contacts,
    ).toEqual([
      { label: 'Security Team', kind: 'email', value: 'security@clpr.tv', href: 'mailto:security@clpr.tv' },
      { label: 'Database On-Call', kind: 'phone', value: '555.010.4477 ext. 12', href: 'tel:+15550104477;ext=12', phone: EXAMPLE_US },
    ]);
    expect(readFrontMatterContacts({ name: 'Ops', email: 'ops@clpr.tv' }).contacts).toEqual([
      { label: 'Ops', kind: 'email', value: 'ops@clpr.tv', href: 'mailto:ops@clpr.tv' },
    ]);
    expect(readFrontMatterContacts('ops@clpr.tv').contacts.map((c) => c.value)).toEqual(['ops@clpr.tv']);
  });

  it('keeps a named role with no contact point', () => {
    expect(readFrontMatterContacts([{ role: 'Incident Commander', note: 'rotates weekly' }]).contacts).toEqual([
      { label: 'Incident Commander', kind: 'role', value: 'Incident Commander', note: 'rotates weekly' },
    ]);
  });

  it('skips junk with a message per item and keeps the good items', () => {
    const { contacts, problems } = readFrontMatterContacts([
      null,
      ['nested'],
      true,
      { phone: 'call me maybe', email: 'not-an-address', slack: 'two words' },
      { url: 'https://example.com' },
      'nothing to call here',
      { name: 'Ops', email: 'ops@clpr.tv' },
    ]);
    expect(contacts.map((c) => c.value)).toEqual(['ops@clpr.tv']);
    expect(problems).toHaveLength(8);
    expect(problems.join('\n')).toMatch(/item 1 is not a contact/);
    expect(problems.join('\n')).toMatch(/"call me maybe" is not a phone number/);
    expect(problems.join('\n')).toMatch(/"not-an-address" is not an email address/);
    expect(problems.join('\n')).toMatch(/"two words" is not a chat channel/);
    expect(problems.join('\n')).toMatch(/"https:\/\/example.com" is not a chat or paging link/);
    expect(problems.join('\n')).toMatch(/"nothing to call here"/);
  });

  it('gives nothing for an absent or empty value', () => {
    for (const value of [undefined, null, '', []]) expect(readFrontMatterContacts(value)).toEqual({ contacts: [], problems: [] });
  });
});
