import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { SearchDialog } from '../../../renderer/search/SearchDialog';

function render(open: boolean): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <SearchDialog open={open} onClose={() => undefined} initialQuery="rollback" />
    </MemoryRouter>,
  );
}

describe('SearchDialog', () => {
  it('renders nothing while closed', () => {
    expect(render(false)).toBe('');
  });

  it('is a labelled modal dialog with a search combobox and a results list', () => {
    const html = render(true);
    expect(html).toMatch(/<dialog [^>]*aria-labelledby="([^"]+)"[^>]*aria-modal="true"/);
    const labelId = /aria-labelledby="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`id="${labelId}"`);
    expect(html).toMatch(/<input[^>]*role="combobox"[^>]*aria-label="Search runbooks"/);
    expect(html).toMatch(/role="listbox"/);
    expect(html).toContain('value="rollback"');
    expect(html).toContain('aria-label="Close search"');
  });
});
