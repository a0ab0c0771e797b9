import { describe, expect, it } from 'vitest';
import { findContactPoints } from '../../../core/contacts/findContactPoints';
import { externalLinkHref } from '../../../core/links/externalUrlPolicy';
import { resolveRunbookLink } from '../../../core/links/resolveRunbookLink';
import { decideOpenExternal } from '../../../electron/policy/externalLinks';
import { decideNavigation, decideWindowOpen } from '../../../electron/policy/navigation';

/** What each of the three places that judge a link does with it: the same answer, or a bug. */
function verdicts(url: string) {
  return {
    panel: externalLinkHref(url) === url,
    runbookLink: resolveRunbookLink('ops/page.md', url).kind === 'external',
    navigation: decideNavigation(url).action === 'open-externally',
    windowOpen: decideWindowOpen(url).openExternally === url,
    openExternal: decideOpenExternal(url).allow,
  };
}

// Links the contacts code itself produces from a runbook line, chat and paging links included.
const produced = findContactPoints(
  'Call 020 7946 0958 ext. 12 or +1 212 555 0123, mail oncall@example.com, Slack #ops-team, slack://channel?team=T1&id=C1, ' +
    'msteams:/l/chat/0/0?users=oncall@example.com, https://teams.microsoft.com/l/channel/19%3Ax/Ops, https://acme.pagerduty.com/schedules/P1',
  { region: 'GB', slackWorkspace: 'acme' },
)
  .map((p) => p.href)
  .filter((href): href is string => href !== undefined);

describe('one external-link policy: the contacts panel, runbook links and the desktop main process agree', () => {
  it('finds the chat, paging, phone and mail links it is about', () => {
    expect(produced).toEqual([
      'tel:+442079460958;ext=12',
      'tel:+12125550123',
      'mailto:oncall@example.com',
      'https://acme.slack.com/app_redirect?channel=ops-team',
      'slack://channel?team=T1&id=C1',
      'msteams:/l/chat/0/0?users=oncall@example.com',
      'https://teams.microsoft.com/l/channel/19%3Ax/Ops',
      'https://acme.pagerduty.com/schedules/P1',
    ]);
  });

  it.each(produced)('all open %s', (url) => {
    expect(verdicts(url)).toEqual({ panel: true, runbookLink: true, navigation: true, windowOpen: true, openExternal: true });
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<b>x</b>',
    'zoommtg://zoom.us/join?confno=1',
    'mailto:oncall@example.com?attach=/etc/passwd',
    'https://user:secret@example.com/',
  ])('all refuse %s', (url) => {
    expect(verdicts(url)).toEqual({ panel: false, runbookLink: false, navigation: false, windowOpen: false, openExternal: false });
  });
});
