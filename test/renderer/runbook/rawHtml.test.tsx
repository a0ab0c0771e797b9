import { describe, expect, it } from 'vitest';
import { renderMarkdownStatic as render } from '../support/renderMarkdownStatic';

describe('raw HTML in a runbook', () => {
  it('keeps the text around tags no browser knows, showing the tags as typed', () => {
    const html = render('Add “Closes #<tracker-issue-number>” to the PR.\n\nRun `id` as <USERID> then <USER_ID>.');
    expect(html).toContain('Add “Closes #&lt;tracker-issue-number&gt;” to the PR.');
    expect(html).toContain('as &lt;USERID&gt; then &lt;USER_ID&gt;.');
  });

  it('shows the allowed elements: line breaks, keys, details with summary, sup/sub, tables', () => {
    const html = render(
      'first<br>second, press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>\n\n<details>\n<summary>Rollback</summary>\n\nUndo **it**.\n\n</details>\n\n<table><tr><td>cell</td></tr></table>',
    );
    expect(html).toContain('first<br/>second');
    expect(html).toContain('<kbd>Ctrl</kbd>+<kbd>C</kbd>');
    expect(html).toContain('H<sub>2</sub>O, x<sup>2</sup>');
    expect(html).toMatch(/<details>\s*<summary>Rollback<\/summary>\s*<p>Undo <strong>it<\/strong>\.<\/p>\s*<\/details>/);
    expect(html).toMatch(/<table>.*<td>cell<\/td>/s);
  });

  it('removes scripts, styles, handlers, frames and script URLs but keeps the words around them', () => {
    const html = render(
      [
        'Before <script>window.pwned = 1</script> after.',
        '<style>body { display: none }</style>',
        '<p onclick="window.pwned = 1" style="color:red">Clickable text</p>',
        '<a href="javascript:alert(1)">html link</a> and <a href="data:text/html,x">data link</a>',
        '<iframe src="https://evil.example">frame text</iframe>',
        '<svg onload="window.pwned = 1"><script>window.pwned = 1</script><text>drawn words</text></svg>',
        '<form action="https://evil.example"><input name="q"><button>Send</button></form>',
        '<object data="x.swf"></object><embed src="x.swf"><meta http-equiv="refresh" content="0;url=https://evil.example">',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<(script|style|iframe|svg|form|object|embed|meta|button)\b/i);
    expect(html).not.toMatch(/\son\w+=|style="/i);
    expect(html).not.toMatch(/(href|src)="\s*(javascript|data):/i);
    expect(html).not.toContain('window.pwned');
    expect(html).not.toContain('display: none');
    for (const words of ['Before', 'after.', 'Clickable text', 'html link', 'data link', 'drawn words', 'Send'])
      expect(html).toContain(words);
  });

  it('fetches no image of another site past the image handling, not even through <picture>', () => {
    const html = render(
      '<picture><source srcset="https://tracker.example/pixel.png"><img src="https://tracker.example/pixel.png" alt="Tracker"></picture>',
    );
    expect(html).not.toContain('srcset');
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('Tracker');
  });

  it('gives ids written in HTML a prefix so they cannot replace the page’s own names', () => {
    const html = render('<a id="getElementById" name="cookie">anchor</a>\n\n<img name="body" src="x.png" alt="x">');
    expect(html).toContain('id="user-content-getElementById"');
    expect(html).not.toMatch(/name="(cookie|body)"/);
  });
});
