// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { localToday } from '../../../cli/check/readCheckArguments';
import { DEFAULT_MAX_AGE_DAYS } from '../../../core/check/checkOptions';
import { checkRunbooks } from '../../../core/check/checkRunbooks';
import type { Finding } from '../../../core/check/finding';
import { RunbookHeader } from '../../../renderer/runbook/RunbookHeader';
import { cachedRunbookOf, checklistSummary } from '../support/runbookHeaderFixture';

/**
 * The runbook header and `runbook-reader check` read review dates and statuses with one definition
 * (core/runbook): on the boundary days and around midnight they must give the same verdict.
 */
const encoder = new TextEncoder();

function markdown(frontMatter: string): string {
  return `---\ntitle: Failover\nowner: team-db\n${frontMatter}---\n# Failover\n`;
}

function readerView(text: string, now: Date): HTMLElement {
  render(<RunbookHeader meta={cachedRunbookOf(text)} today={now} checklist={checklistSummary()} />);
  return screen.getByRole('banner');
}

function checkFindings(text: string, now: Date): Finding[] {
  return checkRunbooks([{ path: 'failover.md', bytes: encoder.encode(text) }], {
    maxAgeDays: DEFAULT_MAX_AGE_DAYS,
    today: localToday(now),
  });
}

function checkRules(text: string, now: Date): string[] {
  return checkFindings(text, now).map((f) => f.rule);
}

const originalTimeZone = process.env.TZ;
afterEach(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

describe('review age: the reader and check agree', () => {
  it.each([
    // [last_reviewed, device time zone, instant now, expected verdict]
    ['2026-02-26', 'UTC', '2026-05-26T12:00:00Z', 'current'],
    ['2026-02-25', 'UTC', '2026-05-26T12:00:00Z', 'current'],
    ['2026-02-24', 'UTC', '2026-05-26T12:00:00Z', 'overdue'],
    ['2026-05-26', 'UTC', '2026-05-26T12:00:00Z', 'current'],
    ['2026-05-27', 'UTC', '2026-05-26T12:00:00Z', 'in-future'],
    // Late evening in California is already the next day in UTC: both count the local day.
    ['2026-02-25', 'America/Los_Angeles', '2026-05-27T03:00:00Z', 'current'],
    ['2026-02-24', 'America/Los_Angeles', '2026-05-27T03:00:00Z', 'overdue'],
    ['2026-05-27', 'America/Los_Angeles', '2026-05-27T03:00:00Z', 'in-future'],
    // Early morning in Auckland is still the previous day in UTC.
    ['2026-02-26', 'Pacific/Auckland', '2026-05-26T13:00:00Z', 'current'],
    ['2026-02-25', 'Pacific/Auckland', '2026-05-26T13:00:00Z', 'overdue'],
  ])('reviewed %s, in %s at %s: %s', (reviewed, timeZone, instant, verdict) => {
    process.env.TZ = timeZone;
    const now = new Date(instant);
    const text = markdown(`status: active\nlast_reviewed: ${reviewed}\n`);
    const header = readerView(text, now);
    const rules = checkRules(text, now);

    expect(header.textContent?.includes('Review overdue')).toBe(verdict === 'overdue');
    expect(rules.includes('review-overdue')).toBe(verdict === 'overdue');
    expect(header.textContent?.includes('after today')).toBe(verdict === 'in-future');
    expect(rules.includes('review-in-future')).toBe(verdict === 'in-future');
  });
});

describe('status: the reader and check agree', () => {
  it.each([
    ['active', undefined, true],
    ['Draft', 'rr-badge-warn', true],
    ['deprecated', 'rr-badge-danger', true],
    ['archived', 'rr-badge-danger', true],
    ['retired', 'rr-badge-danger', false],
    ['production', 'rr-badge-neutral', false],
  ])('status %s: badge %s, known to check: %s', (status, badge, known) => {
    const now = new Date('2026-05-26T12:00:00Z');
    const text = markdown(`status: ${status}\nlast_reviewed: 2026-05-01\n`);
    const header = readerView(text, now);
    const badgeElement = header.querySelector('.rr-badge');
    if (badge === undefined) expect(badgeElement).toBeNull();
    else expect(badgeElement?.className).toContain(badge);
    const title = badgeElement?.getAttribute('title') ?? undefined;
    const finding = checkFindings(text, now).find((f) => f.rule === 'unknown-status');
    if (known) {
      expect(title).toBeUndefined();
      expect(finding).toBeUndefined();
    } else {
      const readAs = /read as "(\w+)"/.exec(title ?? '')?.[1];
      expect(readAs).toBeDefined();
      expect(finding?.message).toContain(`treats it as "${readAs}"`);
    }
  });
});
