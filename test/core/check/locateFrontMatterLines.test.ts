import { describe, expect, it } from 'vitest';
import { locateFrontMatterLines } from '../../../core/check/locateFrontMatterLines';

describe('locateFrontMatterLines', () => {
  it('gives the file line of each key and of each alias in a block list', () => {
    const text = '---\ntitle: T\nowner: o\naliases:\n  - first\n  - "second one"\nstatus: draft\n---\n# T\n';
    expect(locateFrontMatterLines(text, 9, ['first', 'second one'])).toEqual({
      keys: { title: 2, owner: 3, aliases: 4, status: 7 },
      aliases: { first: 5, 'second one': 6 },
    });
  });

  it('points aliases of an inline list at the key line', () => {
    const text = '---\naliases: [a, b]\n---\n';
    expect(locateFrontMatterLines(text, 4, ['a', 'b']).aliases).toEqual({ a: 2, b: 2 });
  });

  it('finds nothing when there is no front matter', () => {
    expect(locateFrontMatterLines('# T\ntitle: not front matter\n', 1, [])).toEqual({ keys: {}, aliases: {} });
  });
});
