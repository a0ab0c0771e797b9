import { describe, expect, it } from 'vitest';
import { inlineText, markdownTokens } from '../../../core/markdown/markdownTokens';

const hrefsOf = (markdown: string) =>
  markdownTokens(markdown)
    .flatMap((t) => t.children ?? [])
    .filter((t) => t.type === 'link_open')
    .map((t) => t.attrGet('href'));

describe('markdownTokens: bare links as GFM finds them', () => {
  it('links www. hosts, full URLs and e-mail addresses', () => {
    expect(hrefsOf('Call www.example.com, see https://status.example.com/x or mail ops@example.com.')).toEqual([
      'http://www.example.com',
      'https://status.example.com/x',
      'mailto:ops@example.com',
    ]);
  });

  it('does not link bare host or file names that GFM leaves as text', () => {
    expect(hrefsOf('Run deploy.sh against api.clpr.tv and example.com, not awww.example.com.')).toEqual([]);
  });

  it('keeps paths, ports and balanced parentheses, drops trailing punctuation', () => {
    expect(hrefsOf('See (www.wiki.org/A_(b)). Or www.a-b.com:8080/x?y#z! Then www. alone.')).toEqual([
      'http://www.wiki.org/A_(b)',
      'http://www.a-b.com:8080/x?y#z',
    ]);
  });

  it('keeps link targets as written, without %-encoding them or refusing schemes', () => {
    expect(hrefsOf('[a](../café.md) [b](javascript:alert(1)) [c](<with space.md>)')).toEqual([
      '../café.md',
      'javascript:alert(1)',
      'with space.md',
    ]);
  });
});

describe('inlineText', () => {
  it('gives the visible text: inline code and image alt text in, raw HTML out, entities decoded', () => {
    const inline = markdownTokens('Use `kubectl` &amp; <b>bold</b> ![the chart](c.png)\nnext')[1]!;
    expect(inlineText(inline.children ?? [])).toBe('Use kubectl & bold the chart\nnext');
  });
});

describe('markdownTokens: e-mail addresses', () => {
  it('links addresses GFM links, with a dotted host, and leaves the rest as text', () => {
    expect(hrefsOf('Mail db-team+pager@ops.example.co.uk, (sre@example.io) or user@localhost or @handle.')).toEqual([
      'mailto:db-team+pager@ops.example.co.uk',
      'mailto:sre@example.io',
    ]);
  });
});
