// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/app/database';
import { SkippedFiles } from '../../../renderer/sources/SkippedFiles';

describe('files a sync skipped, on the Sources page', () => {
  it('list a 50 MB image with why it was not kept (the sync’s own message)', async () => {
    await db.skipped.put({
      sourceId: 'docs',
      path: 'img/plan.png',
      oid: 'c'.repeat(40),
      reason: 'too-large',
      message: 'Image is 50.0 MiB, over the 2.0 MiB limit.',
    });
    render(<SkippedFiles sourceId="docs" />);
    expect(await screen.findByText('1 file skipped')).toBeTruthy();
    const item = screen.getByText('img/plan.png').closest('li');
    expect(item?.textContent).toBe('img/plan.png — too large: Image is 50.0 MiB, over the 2.0 MiB limit.');
  });
});
