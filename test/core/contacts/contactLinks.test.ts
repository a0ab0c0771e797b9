import { describe, expect, it } from 'vitest';
import { classifyContactUrl, normaliseSlackWorkspace, slackChannelHref } from '../../../core/contacts/contactLinks';

describe('contact links', () => {
  it.each([
    ['tel:+15551234567', { kind: 'phone' }],
    ['mailto:ops@clpr.tv', { kind: 'email' }],
    ['slack://channel?team=T1&id=C1', { kind: 'chat', via: 'Slack' }],
    ['https://clpr.slack.com/archives/C024BE91L', { kind: 'chat', via: 'Slack' }],
    ['https://teams.microsoft.com/l/channel/x', { kind: 'chat', via: 'Microsoft Teams' }],
    ['https://clpr.pagerduty.com/schedules/P1', { kind: 'paging', via: 'PagerDuty' }],
    ['https://clpr.app.opsgenie.com/schedule', { kind: 'paging', via: 'Opsgenie' }],
    ['https://notslack.com/x', undefined],
    ['https://slack.com.evil.example/x', undefined],
    ['javascript:alert(1)', undefined],
    ['./runbook.md', undefined],
  ])('%s', (url, expected) => {
    expect(classifyContactUrl(url)).toEqual(expected);
  });

  it('builds a Slack channel link only for a usable workspace', () => {
    expect(slackChannelHref('#ops-team', 'clpr')).toBe('https://clpr.slack.com/app_redirect?channel=ops-team');
    expect(slackChannelHref('#ops-team', 'https://clpr.slack.com/')).toBe('https://clpr.slack.com/app_redirect?channel=ops-team');
    expect(slackChannelHref('#ops-team', undefined)).toBeUndefined();
    expect(slackChannelHref('#ops-team', 'evil.example/?x=')).toBeUndefined();
    expect(normaliseSlackWorkspace(' CLPR.slack.com ')).toBe('clpr');
  });
});
