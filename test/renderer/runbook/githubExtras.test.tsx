import { describe, expect, it } from 'vitest';
import { renderMarkdownStatic as render } from '../support/renderMarkdownStatic';

describe('GitHub alerts', () => {
  it.each([
    ['NOTE', 'Note'],
    ['TIP', 'Tip'],
    ['IMPORTANT', 'Important'],
    ['WARNING', 'Warning'],
    ['CAUTION', 'Caution'],
  ])('> [!%s] becomes a labelled alert with an icon', (marker, label) => {
    const html = render(`> [!${marker}]\n> Drain the node **first**.`);
    expect(html).toContain(`<div class="rr-alert rr-alert-${marker.toLowerCase()}" role="note" aria-label="${label}">`);
    expect(html).toMatch(new RegExp(`<p class="rr-alert-title"><svg[^>]*aria-hidden="true"[^>]*>.*</svg>${label}</p>`));
    expect(html).toContain('Drain the node <strong>first</strong>.');
    expect(html).not.toContain('[!');
  });

  it('leaves other quotes, and a marker that is not alone on its line, as quotes', () => {
    expect(render('> Just a quote')).toContain('<blockquote>');
    expect(render('> [!WARNING] inline text')).toContain('<blockquote>');
    expect(render('> [!DANGER]\n> text')).toContain('[!DANGER]');
  });

  it('cannot be forged into running anything from raw HTML', () => {
    const html = render('<blockquote onmouseover="x()">\n\n[!NOTE]\n<script>alert(1)</script>\n\n</blockquote>');
    expect(html).not.toMatch(/<script|onmouseover/);
  });
});

describe('footnotes and emoji', () => {
  it('links footnote references and their notes both ways, with ids that exist on the page', () => {
    const html = render('Drain first.[^drain]\n\n[^drain]: Otherwise requests fail.');
    expect(html).toContain('href="/read/src/ops/page.md?section=user-content-fn-drain"');
    expect(html).toContain('<li id="user-content-fn-drain">');
    expect(html).toContain('href="/read/src/ops/page.md?section=user-content-fnref-drain"');
    expect(html).toContain('id="user-content-fnref-drain"');
    expect(html).toContain('aria-label="Back to reference 1"');
    expect(html).toContain('<h2 id="user-content-footnote-label" class="rr-visually-hidden">Footnotes</h2>');
  });

  it('turns emoji shortcodes into emoji, but not in code or unknown names or times', () => {
    const html = render('Ship it :rocket: :warning: at 10:30:00, :not_an_emoji:\n\n`:rocket:`');
    expect(html).toContain('Ship it 🚀 ⚠️ at 10:30:00, :not_an_emoji:');
    expect(html).toContain('<code>:rocket:</code>');
  });
});
