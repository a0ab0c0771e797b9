import { classifyContactUrl, slackChannelHref } from './contactLinks';
import type { ContactOptions, ContactPoint } from './contactModel';
import { findPhoneNumbers } from './normalisePhoneNumber';

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\p{L}\p{N}_-])/gu;
/** `#ops-team`: a `#` not glued to a word (so not `C#`, not a URL fragment) and a name with a letter in it. */
const CHANNEL = /(?<![\p{L}\p{N}_&#/.-])#([\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}_]|\p{L})(?![\p{L}\p{N}_-])/gu;
const BARE_URL = /\b(?:https?|slack|msteams):\/{1,2}[^\s<>"'`]+/gi;

/**
 * Every phone number, email address, chat channel and chat/paging URL in a piece of plain text
 * (not Markdown), with offsets, sorted by position and never overlapping. This is what makes contact
 * lines tappable in place: run it over a rendered text node and link each range to its `href`.
 *
 * `#channel` is credited to Slack unless the text names another chat service (Microsoft Teams,
 * Mattermost, Discord); only Slack channels get an `href`, and only with `options.slackWorkspace`.
 */
export function findContactPoints(text: string, options: ContactOptions = {}): ContactPoint[] {
  const points: ContactPoint[] = [];
  // One flag per character, so that checking a candidate costs its own length, not the number of points so far.
  const taken = new Uint8Array(text.length);
  const free = (start: number, end: number) => taken.subarray(start, end).indexOf(1) === -1;
  const add = (point: ContactPoint) => {
    if (!free(point.start, point.end)) return;
    taken.fill(1, point.start, point.end);
    points.push(point);
  };

  for (const m of text.matchAll(BARE_URL)) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    const kind = classifyContactUrl(url);
    if (!kind || kind.kind === 'phone' || kind.kind === 'email') continue;
    add({ kind: kind.kind, value: url, href: url, via: kind.via || undefined, start: m.index, end: m.index + url.length });
  }
  for (const m of text.matchAll(EMAIL)) {
    add({ kind: 'email', value: m[0], href: `mailto:${m[0]}`, start: m.index, end: m.index + m[0].length });
  }
  for (const found of findPhoneNumbers(text, { region: options.region })) {
    const { text: value, start, end, href, ...phone } = found;
    const point: ContactPoint = { kind: 'phone', value, start, end };
    if (href) point.href = href;
    if (Object.keys(phone).length > 0) point.phone = phone;
    add(point);
  }
  const via = chatServiceNamedIn(text);
  for (const m of text.matchAll(CHANNEL)) {
    const channel = m[0];
    // `#42` is an issue or an extension, not a channel.
    if (!/\p{L}/u.test(channel)) continue;
    const href = via === 'Slack' ? slackChannelHref(channel, options.slackWorkspace) : undefined;
    add({ kind: 'chat', value: channel, href: href || undefined, via, start: m.index, end: m.index + channel.length });
  }
  return points.sort((a, b) => a.start - b.start);
}

/** The chat service a line talks about, for crediting its `#channel` mentions; Slack by default. */
export function chatServiceNamedIn(text: string): string {
  if (/\b(?:microsoft|ms)\s+teams\b|\bteams\s+channel\b/i.test(text)) return 'Microsoft Teams';
  if (/\bmattermost\b/i.test(text)) return 'Mattermost';
  if (/\bdiscord\b/i.test(text)) return 'Discord';
  return 'Slack';
}
