import { describe, expect, it } from 'vitest';
import { isInHiddenFolder } from '../../../core/runbook/hiddenFolder';

describe('isInHiddenFolder', () => {
  it.each([
    ['.obsidian/templates/incident.md', true],
    ['.github/PULL_REQUEST_TEMPLATE.md', true],
    ['docs/.drafts/old.md', true],
    ['docs/backend/auth.md', false],
    ['README.md', false],
    // Only folders count: a file named with a dot is still someone's runbook.
    ['.env-setup.md', false],
    ['docs/.notes.md', false],
  ])('%s → %s', (path, hidden) => {
    expect(isInHiddenFolder(path)).toBe(hidden);
  });
});
