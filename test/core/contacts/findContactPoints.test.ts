import { describe, expect, it } from 'vitest';
import { findContactPoints } from '../../../core/contacts/findContactPoints';

describe('findContactPoints: tappable contacts in a rendered text node', () => {
  it('finds phones, emails, channels and chat/paging links with their ranges', () => {
    const text = 'Call (555) 010-3300, mail ops@clpr.tv, join #ops-team or https://clpr.pagerduty.com/incidents.';
    const points = findContactPoints(text, { slackWorkspace: 'clpr', region: 'US' });
    expect(points.map((p) => [p.kind, text.slice(p.start, p.end), p.href])).toEqual([
      ['phone', '(555) 010-3300', 'tel:+15550103300'],
      ['email', 'ops@clpr.tv', 'mailto:ops@clpr.tv'],
      ['chat', '#ops-team', 'https://clpr.slack.com/app_redirect?channel=ops-team'],
      ['paging', 'https://clpr.pagerduty.com/incidents', 'https://clpr.pagerduty.com/incidents'],
    ]);
  });

  it('does not take issue numbers, C#, URL fragments or ordinary links for contacts', () => {
    expect(findContactPoints('fixed in #42, written in C#, see https://docs.clpr.tv/page#section and x#y')).toEqual([]);
  });

  it('does not split an email address into a phone number or a channel', () => {
    const points = findContactPoints('555-123-4567.ops@clpr.tv');
    expect(points.map((p) => p.kind)).toEqual(['email']);
  });
});
