// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MarkdownView } from '../../../renderer/runbook/MarkdownView';
import { MAX_MERMAID_SOURCE_CHARS } from '../../../renderer/runbook/MermaidDiagram';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';

// jsdom cannot lay out SVG, so the renderer itself is replaced; the e2e test draws a real diagram in Chromium.
const mermaid = vi.hoisted(() => ({
  initialize: vi.fn(),
  render: vi.fn(async (_id: string, source: string) => ({
    svg: `<svg xmlns="http://www.w3.org/2000/svg"><text>${source.length}</text></svg>`,
  })),
}));
vi.mock('mermaid', () => ({ default: mermaid }));

function show(markdown: string) {
  return render(
    <MemoryRouter>
      <RunbookContext.Provider value={{ sourceId: 'src', path: 'a.md', title: 'A', online: true }}>
        <MarkdownView markdown={markdown} />
      </RunbookContext.Provider>
    </MemoryRouter>,
  );
}

describe('mermaid diagrams', () => {
  beforeEach(() => {
    mermaid.initialize.mockClear();
    mermaid.render.mockClear();
  });

  it('are drawn in strict mode as an image, never as live SVG, with the source kept beside', async () => {
    show('```mermaid\nflowchart LR\n  A --> B\n```');
    const image = await screen.findByRole('img', { name: 'Diagram: flowchart LR' });
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(mermaid.initialize).toHaveBeenCalledWith(
      expect.objectContaining({ securityLevel: 'strict', startOnLoad: false, htmlLabels: false }),
    );
    expect(document.querySelector('.rr-markdown svg, figure svg')).toBeNull();
    expect(screen.getByText('Diagram source')).toBeTruthy();
    expect(document.querySelector('code')?.textContent).toContain('A --> B');
  });

  it('show the code with the reason when the diagram cannot be drawn', async () => {
    mermaid.render.mockRejectedValueOnce(new Error('Parse error on line 2:\nA -->'));
    show('```mermaid\nflowchart LR\n  A -->\n```');
    expect(await screen.findByText('Diagram not drawn (Parse error on line 2:); its source is shown.')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('are not handed to the renderer at all when over the size limit', async () => {
    const huge = `flowchart LR\n${'  A --> B\n'.repeat(Math.ceil(MAX_MERMAID_SOURCE_CHARS / 10) + 1)}`;
    show(`\`\`\`mermaid\n${huge}\`\`\``);
    expect(await screen.findByText(/Diagram not drawn \(it is [\d,]+ characters; diagrams up to 50,000 are drawn\)/)).toBeTruthy();
    expect(mermaid.initialize).not.toHaveBeenCalled();
  });

  it('hand a diagram that tries to inject HTML only to the strict renderer, and show its result as an image', async () => {
    mermaid.render.mockResolvedValueOnce({ svg: '<svg xmlns="http://www.w3.org/2000/svg"><script>window.pwned=1</script></svg>' });
    show('```mermaid\nflowchart LR\n  A["<img src=x onerror=window.pwned=1>"] --> B\n```');
    await screen.findByRole('img', { name: /^Diagram:/ });
    expect(document.querySelector('script')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('leave other code blocks alone', () => {
    show('```bash\necho hi\n```');
    expect(screen.getByRole('button', { name: 'Copy bash block to clipboard' })).toBeTruthy();
    expect(mermaid.initialize).not.toHaveBeenCalled();
  });
});
