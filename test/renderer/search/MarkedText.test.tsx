import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../core/search/buildSearchIndex';
import { searchRunbooks } from '../../../core/search/searchRunbooks';
import { MarkedText } from '../../../renderer/search/MarkedText';
import { runbook } from '../../core/search/searchTestCorpus';

describe('MarkedText', () => {
  it('wraps the ranges in <mark>', () => {
    expect(
      renderToStaticMarkup(
        <MarkedText
          text="Emergency Ban User"
          ranges={[
            [0, 9],
            [10, 13],
          ]}
        />,
      ),
    ).toBe('<mark>Emergency</mark> <mark>Ban</mark> User');
  });

  it('renders runbook text as text, never as HTML', () => {
    const html = renderToStaticMarkup(<MarkedText text={'<img src=x onerror=alert(1)> ban'} ranges={[[29, 32]]} />);
    expect(html).toBe('&lt;img src=x onerror=alert(1)&gt; <mark>ban</mark>');
  });

  it('ignores ranges that do not fit the text', () => {
    expect(
      renderToStaticMarkup(
        <MarkedText
          text="abc"
          ranges={[
            [2, 9],
            [1, 0],
          ]}
        />,
      ),
    ).toBe('abc');
  });

  it('marks a real search snippet containing markup-like text safely', () => {
    const index = buildSearchIndex([runbook('s', 'x.md', '# Page\n\nRun `echo "<b>MOD_BAN_SYNC</b>"` to check.\n')]);
    const section = searchRunbooks(index, 'MOD_BAN_SYNC').runbooks[0]!.sections[0]!;
    const html = renderToStaticMarkup(<MarkedText text={section.snippet} ranges={section.snippetRanges} />);
    expect(html).toContain('&lt;b&gt;<mark>MOD_BAN_SYNC</mark>&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });
});
