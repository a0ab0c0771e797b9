import { describe, expect, it } from 'vitest';
import { escapeUnknownHtmlTags, isKnownHtmlElement } from '../../../core/markdown/escapeUnknownHtmlTags';

describe('escapeUnknownHtmlTags', () => {
  it('turns placeholders written as tags into text, opening and closing alike', () => {
    expect(escapeUnknownHtmlTags('<tracker-issue-number>')).toBe('&lt;tracker-issue-number>');
    expect(escapeUnknownHtmlTags('<USERID> and </USERID>')).toBe('&lt;USERID> and &lt;/USERID>');
    expect(escapeUnknownHtmlTags('<host-name/>')).toBe('&lt;host-name/>');
  });

  it('leaves tags a browser knows for the sanitizer, in any case', () => {
    const html = '<details open><summary>More</summary><KBD>Ctrl</KBD><br/><script>x</script></details>';
    expect(escapeUnknownHtmlTags(html)).toBe(html);
    expect(isKnownHtmlElement('Script')).toBe(true);
    expect(isKnownHtmlElement('svg')).toBe(true);
    expect(isKnownHtmlElement('tracker-issue-number')).toBe(false);
  });

  it('touches nothing that is not a tag', () => {
    expect(escapeUnknownHtmlTags('a < b and 3<4 <!-- note -->')).toBe('a < b and 3<4 <!-- note -->');
  });
});
