import { describe, expect, it } from 'vitest';
import { folderHomePage, homePageRank } from '../../../core/runbook/homePage';

describe('folderHomePage', () => {
  it('prefers index.md to README.md beside it at the root', () => {
    expect(folderHomePage(['README.md', 'guide.md', 'index.md'])).toBe('index.md');
  });

  it('falls back to README.md, in any case', () => {
    expect(folderHomePage(['guide.md', 'Readme.MD'])).toBe('Readme.MD');
  });

  it('looks only at the folder itself, not below it', () => {
    expect(folderHomePage(['docs/index.md', 'guide.md'])).toBeUndefined();
    expect(folderHomePage(['docs/index.md', 'docs/api/README.md', 'docs/README.md'], 'docs')).toBe('docs/index.md');
    expect(folderHomePage(['docs/api/README.md'], 'docs')).toBeUndefined();
  });

  it('does not take a file that merely ends in the name', () => {
    expect(homePageRank('reindex.md')).toBeUndefined();
    expect(homePageRank('docs/not-readme.md')).toBeUndefined();
    expect(homePageRank('docs/index.markdown')).toBe(1);
  });
});
