import { describe, expect, it } from 'vitest';
import { folderHomePage, homePageRank, libraryHomePage } from '../../../core/runbook/homePage';

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

describe('libraryHomePage', () => {
  const entries = [
    { sourceId: 'bundled', path: 'README.md' },
    { sourceId: 'team', path: 'docs/index.md' },
    { sourceId: 'vault', path: 'README.md' },
    { sourceId: 'vault', path: 'index.md' },
  ];

  it("is the first source's root home page, in the order the sources are given", () => {
    expect(libraryHomePage(entries, ['team', 'vault', 'bundled'])).toEqual({ sourceId: 'vault', path: 'index.md' });
    expect(libraryHomePage(entries, ['bundled', 'vault'])).toEqual({ sourceId: 'bundled', path: 'README.md' });
  });

  it('is none when no source given has a home page at its root', () => {
    expect(libraryHomePage(entries, ['team'])).toBeUndefined();
    expect(libraryHomePage(entries, [])).toBeUndefined();
  });
});
