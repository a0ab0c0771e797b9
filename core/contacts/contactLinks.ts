import type { ContactPointKind } from './contactModel';

/** What a URL in a contacts line is, when it is a contact at all. */
export interface ContactUrlKind {
  kind: ContactPointKind;
  via?: string | undefined;
}

/**
 * Classifies a URL written in a runbook: `tel:` and `mailto:` links, chat links (`slack://`, `msteams:`,
 * Slack and Microsoft Teams https links) and paging links (PagerDuty, Opsgenie). Any other URL is not a
 * contact and gives undefined.
 */
export function classifyContactUrl(url: string): ContactUrlKind | undefined {
  // Most links in a runbook are relative (`../db/failover.md`); failing to parse those as URLs is costly.
  if (!/^\s*[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  switch (parsed.protocol.toLowerCase()) {
    case 'tel:':
      return { kind: 'phone' };
    case 'mailto:':
      return { kind: 'email' };
    case 'slack:':
      return { kind: 'chat', via: 'Slack' };
    case 'msteams:':
      return { kind: 'chat', via: 'Microsoft Teams' };
    case 'https:':
    case 'http:':
      break;
    default:
      return undefined;
  }
  const host = parsed.hostname.toLowerCase();
  const on = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  if (on('slack.com')) return { kind: 'chat', via: 'Slack' };
  if (on('teams.microsoft.com') || on('teams.live.com')) return { kind: 'chat', via: 'Microsoft Teams' };
  if (on('pagerduty.com')) return { kind: 'paging', via: 'PagerDuty' };
  if (on('opsgenie.com')) return { kind: 'paging', via: 'Opsgenie' };
  return undefined;
}

/**
 * The Slack sub-domain from what a user may type in settings: `acme`, `acme.slack.com`,
 * `https://acme.slack.com/`. Undefined when it is empty or not a possible sub-domain.
 */
export function normaliseSlackWorkspace(workspace: string | undefined): string | undefined {
  if (!workspace) return undefined;
  const name = workspace
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/\.slack\.com$/, '');
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(name) ? name : undefined;
}

/**
 * Link that opens `#channel` in the configured Slack workspace (Slack's documented `app_redirect`
 * entry point, which hands over to the desktop or mobile app). Undefined without a workspace.
 */
export function slackChannelHref(channel: string, workspace: string | undefined): string | undefined {
  const name = normaliseSlackWorkspace(workspace);
  const bare = channel.trim().replace(/^#/, '');
  if (!name || !bare) return undefined;
  return `https://${name}.slack.com/app_redirect?channel=${encodeURIComponent(bare)}`;
}
