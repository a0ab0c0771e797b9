// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { MarkdownView } from '../../../renderer/runbook/MarkdownView';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';

// Records whether the diagram renderer was ever loaded: a block over the limit must not even load it.
const loaded = vi.hoisted(() => ({ mermaid: false }));
vi.mock('mermaid', () => {
  loaded.mermaid = true;
  return { default: { initialize: () => undefined, render: () => Promise.reject(new Error('must not be drawn')) } };
});

describe('a 1 MB mermaid block', () => {
  it('falls back to its code block with the reason, without loading the diagram renderer', async () => {
    const source = `flowchart LR\n${'  A --> B\n'.repeat(104_858)}`;
    expect(source.length).toBeGreaterThan(1024 * 1024);
    render(
      <MemoryRouter>
        <RunbookContext.Provider value={{ sourceId: 'src', path: 'a.md', title: 'A', online: true }}>
          <MarkdownView markdown={`# Flows\n\n\`\`\`mermaid\n${source}\`\`\`\n\nAfter the diagram.\n`} />
        </RunbookContext.Provider>
      </MemoryRouter>,
    );
    expect(
      await screen.findByText('Diagram not drawn (it is 1,048,593 characters; diagrams up to 50,000 are drawn); its source is shown.'),
    ).toBeTruthy();
    expect(document.querySelector('.rr-mermaid code')?.textContent?.length).toBeGreaterThanOrEqual(source.length - 1);
    expect(screen.getByText('After the diagram.')).toBeTruthy();
    expect(loaded.mermaid).toBe(false);
  });
});
