import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Waits until the element's text contains `text` (Playwright's own `expect` is not part of playwright-core). The
 * element may take the page's default time to appear, its text 10 s more; `timeoutMs` sets both, for work that
 * grows with a busy machine, such as syncing a thousand runbooks.
 */
export async function expectText(locator: Locator, text: string | RegExp, timeoutMs?: number): Promise<void> {
  await locator.first().waitFor(timeoutMs === undefined ? undefined : { timeout: timeoutMs });
  await expect
    .poll(async () => (await locator.first().textContent()) ?? '', { timeout: timeoutMs ?? 10_000 })
    .toMatch(typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text);
}

/** Waits until the element is laid out inside the visible part of the window. */
export async function expectInViewport(locator: Locator): Promise<void> {
  await locator.waitFor();
  await expect
    .poll(
      () =>
        locator.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight;
        }),
      { timeout: 10_000 },
    )
    .toBe(true);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
