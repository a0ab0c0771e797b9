// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/app/database';
import { CachedFilePage } from '../../../renderer/runbook/CachedFilePage';

const show = (path: string) =>
  render(
    <MemoryRouter>
      <CachedFilePage sourceId="src" path={path} />
    </MemoryRouter>,
  );

describe('CachedFilePage', () => {
  it('shows a script synced with the source as text, with a copy button', async () => {
    const script = '#!/bin/sh\nlogrotate -f /etc/logrotate.conf\n';
    await db.assets.put({
      sourceId: 'src',
      path: 'scripts/rotate.sh',
      oid: 'a'.repeat(40),
      mime: 'text/plain; charset=utf-8',
      bytes: new TextEncoder().encode(script),
    });
    show('scripts/rotate.sh');
    expect(await screen.findByRole('heading', { level: 1, name: 'rotate.sh' })).toBeTruthy();
    expect(document.querySelector('pre code')?.textContent).toBe(script);
    expect(screen.getByRole('button', { name: 'Copy sh block to clipboard' })).toBeTruthy();
  });

  it('says a file that is not UTF-8 cannot be shown, instead of showing garbage', async () => {
    await db.assets.put({
      sourceId: 'src',
      path: 'logs/old.log',
      oid: 'b'.repeat(40),
      mime: 'text/plain; charset=utf-8',
      bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x41]),
    });
    show('logs/old.log');
    expect(await screen.findByText('This file is not UTF-8 text, so it cannot be shown.')).toBeTruthy();
  });

  it('says a path with nothing cached is not available offline', async () => {
    show('ops/missing.md');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available offline' })).toBeTruthy();
  });
});
