// @vitest-environment jsdom
import '../support/domTest';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LocalDateTime } from '../../../renderer/app/LocalDateTime';
import { localDateTimeReady } from '../../../renderer/app/localDateTime';

const ISO = '2026-12-07T04:21:00Z';
const WRITTEN = new Date(ISO).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

describe('LocalDateTime', () => {
  it("writes the page's first date after the first paint, and every later one at once", async () => {
    expect(localDateTimeReady()).toBe(false);
    const first = render(<LocalDateTime iso={ISO} />);
    const time = first.container.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(ISO);
    expect(time.textContent).toBe('');

    await expect.poll(() => time.textContent, { timeout: 20_000 }).toBe(WRITTEN);
    expect(localDateTimeReady()).toBe(true);

    const later = render(<LocalDateTime iso="2025-02-28T23:59:59.999Z" />);
    expect(later.container.querySelector('time')!.textContent).toBe(
      new Date('2025-02-28T23:59:59.999Z').toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    );
  });

  it('shows what is not a date as it was given', async () => {
    const { container } = render(<LocalDateTime iso="yesterday" />);
    await expect.poll(() => container.querySelector('time')!.textContent, { timeout: 20_000 }).toBe('yesterday');
  });
});
