import { describe, expect, it, vi } from 'vitest';
import { DeepLinkDelivery } from '../../electron/deepLinkDelivery';

describe('DeepLinkDelivery', () => {
  it('keeps only the latest link until a receiver attaches', () => {
    const delivery = new DeepLinkDelivery(() => undefined);
    delivery.receive('runbook-reader://open/bundled/old.md');
    delivery.receive('runbook-reader://open/bundled/new.md#step');
    const receiver = vi.fn();
    delivery.attach(receiver);
    expect(receiver.mock.calls).toEqual([[{ sourceId: 'bundled', path: 'new.md', anchor: 'step' }]]);
  });

  it('delivers straight away while attached, and keeps links again once detached', () => {
    const delivery = new DeepLinkDelivery(() => undefined);
    const receiver = vi.fn();
    delivery.attach(receiver);
    delivery.receive('runbook-reader://open/bundled/a.md');
    expect(receiver).toHaveBeenCalledTimes(1);
    delivery.detach();
    delivery.receive('runbook-reader://open/bundled/b.md');
    expect(receiver).toHaveBeenCalledTimes(1);
    const next = vi.fn();
    delivery.attach(next);
    expect(next).toHaveBeenCalledWith({ sourceId: 'bundled', path: 'b.md' });
  });

  it('refuses bad links with their reason, without logging the raw link', () => {
    const warn = vi.fn();
    const delivery = new DeepLinkDelivery(warn);
    const receiver = vi.fn();
    delivery.attach(receiver);
    expect(delivery.receive('runbook-reader://open/bundled/../secret-token-abc/a.md')).toBe(false);
    expect(receiver).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/"\." or "\.\."/));
    expect(JSON.stringify(warn.mock.calls)).not.toContain('secret-token-abc');
  });
});
