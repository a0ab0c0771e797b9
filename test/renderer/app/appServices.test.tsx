// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { DeepLink, DesktopBridge } from '../../../core/desktop/ipcContract';
import { appServices, detectPlatform, ServicesProvider, type AppServices, type Platform } from '../../../renderer/app/appServices';
import { useDesktopBridge } from '../../../renderer/platform/useDesktopBridge';
import { RunbookHeader } from '../../../renderer/runbook/RunbookHeader';
import { SettingsPage } from '../../../renderer/settings/SettingsPage';
import { cachedRunbookOf, checklistSummary } from '../support/runbookHeaderFixture';

/** Only the parts of the preload bridge these screens use; anything else fails loudly. */
function fakeBridge() {
  let deliverLink: ((link: DeepLink) => void) | undefined;
  const bridge = {
    printToPdf: vi.fn(async () => ({ saved: true as const, path: '/tmp/Failover.pdf' })),
    onCommand: vi.fn(() => () => undefined),
    onDeepLink: vi.fn((listener: (link: DeepLink) => void) => {
      deliverLink = listener;
      return () => (deliverLink = undefined);
    }),
  };
  return { bridge: bridge as unknown as DesktopBridge, calls: bridge, sendLink: (link: DeepLink) => deliverLink?.(link) };
}

function withPlatform(platform: Platform): AppServices {
  return { ...appServices(), platform };
}

function header(services: AppServices) {
  const meta = cachedRunbookOf('---\ntitle: Failover\n---\n# Failover\n');
  render(
    <ServicesProvider services={services}>
      <MemoryRouter>
        <RunbookHeader meta={meta} today={new Date('2026-05-26T12:00:00Z')} checklist={checklistSummary()} />
      </MemoryRouter>
    </ServicesProvider>,
  );
}

describe('the platform is read once, from the preload bridge', () => {
  it('is the desktop app when the bridge exists, the web otherwise', () => {
    const { bridge } = fakeBridge();
    expect(detectPlatform(bridge)).toEqual({ kind: 'desktop', desktop: bridge });
    expect(detectPlatform(undefined)).toEqual({ kind: 'web' });
  });

  it('gives the same services object every time', () => {
    expect(appServices()).toBe(appServices());
  });
});

describe('screens take the platform from the services, not from window', () => {
  it('desktop: the header offers "Save as PDF" and saves through the bridge', async () => {
    expect(window.runbookReader).toBeUndefined();
    const { bridge, calls } = fakeBridge();
    header(withPlatform({ kind: 'desktop', desktop: bridge }));
    await userEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(calls.printToPdf).toHaveBeenCalledWith('Failover');
  });

  it('web: the header offers "Print" and opens the print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    header(withPlatform({ kind: 'web' }));
    await userEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  const platforms: [Platform, boolean][] = [
    [{ kind: 'web' }, true],
    [{ kind: 'desktop', desktop: fakeBridge().bridge }, false],
  ];
  it.each(platforms)('settings show the CORS proxy only in the browser (%j → %s)', async (platform, shown) => {
    render(
      <ServicesProvider services={withPlatform(platform)}>
        <SettingsPage />
      </ServicesProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Offline storage' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'CORS proxy for Git sync' }) !== null).toBe(shown);
  });

  it('desktop: a runbook-reader:// link from the bridge opens the runbook', async () => {
    const { bridge, sendLink } = fakeBridge();
    function Listener() {
      useDesktopBridge();
      return null;
    }
    render(
      <ServicesProvider services={withPlatform({ kind: 'desktop', desktop: bridge })}>
        <MemoryRouter initialEntries={['/']}>
          <Listener />
          <Routes>
            <Route path="/" element={<p>home</p>} />
            <Route path="/read/:sourceId/*" element={<p>opened</p>} />
          </Routes>
        </MemoryRouter>
      </ServicesProvider>,
    );
    sendLink({ sourceId: 'bundled', path: 'db/failover.md', anchor: 'promote' });
    expect(await screen.findByText('opened')).toBeTruthy();
  });
});

describe('desktop alert links', () => {
  it('a runbook-reader://alert/<name> link from the bridge opens the alert route', async () => {
    const { bridge, sendLink } = fakeBridge();
    function Listener() {
      useDesktopBridge();
      return null;
    }
    function AlertName() {
      return <p>alert {useParams().name}</p>;
    }
    render(
      <ServicesProvider services={withPlatform({ kind: 'desktop', desktop: bridge })}>
        <MemoryRouter initialEntries={['/']}>
          <Listener />
          <Routes>
            <Route path="/" element={<p>home</p>} />
            <Route path="/alert/:name" element={<AlertName />} />
          </Routes>
        </MemoryRouter>
      </ServicesProvider>,
    );
    sendLink({ alert: 'Disk almost full' });
    expect(await screen.findByText('alert Disk almost full')).toBeTruthy();
  });
});
