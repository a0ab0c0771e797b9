import { useEffect, useState, type ReactNode } from 'react';

/** Larger sources are not drawn: laying out a huge diagram would hold the page for seconds. */
export const MAX_MERMAID_SOURCE_CHARS = 50_000;

type Drawing = { state: 'drawing' } | { state: 'drawn'; svg: string } | { state: 'failed'; reason: string };

interface Props {
  source: string;
  /** The code block as written: shown while drawing, when drawing fails, and under the diagram. */
  children: ReactNode;
}

/**
 * A ```mermaid block drawn as a diagram by the bundled renderer, loaded only when a page has one and run
 * when the page is idle. Mermaid runs in strict mode (no scripts, no clicks, labels as plain text) and its
 * SVG is shown as an image, so nothing in it can run or reach the page. Whatever fails shows the code.
 */
export function MermaidDiagram({ source, children }: Props) {
  const tooLarge = source.length > MAX_MERMAID_SOURCE_CHARS;
  const [drawing, setDrawing] = useState<Drawing>({ state: 'drawing' });
  useEffect(() => {
    if (tooLarge) return undefined;
    let current = true;
    // Drawn when the page is idle (where the browser can say so), so reading starts first.
    const idle = 'requestIdleCallback' in window;
    const draw = () => {
      drawMermaid(source).then(
        (svg) => current && setDrawing({ state: 'drawn', svg }),
        (error: unknown) => current && setDrawing({ state: 'failed', reason: firstLine(error) }),
      );
    };
    const handle = idle ? window.requestIdleCallback(draw) : window.setTimeout(draw, 1);
    return () => {
      current = false;
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [source, tooLarge]);

  if (tooLarge || drawing.state === 'failed') {
    const reason = tooLarge
      ? `it is ${source.length.toLocaleString('en')} characters; diagrams up to ${MAX_MERMAID_SOURCE_CHARS.toLocaleString('en')} are drawn`
      : drawing.state === 'failed'
        ? drawing.reason
        : '';
    return (
      <div className="rr-mermaid">
        <p className="rr-mermaid-note" role="note">
          Diagram not drawn ({reason}); its source is shown.
        </p>
        {children}
      </div>
    );
  }
  if (drawing.state === 'drawing') {
    return (
      <div className="rr-mermaid" aria-busy="true">
        {children}
      </div>
    );
  }
  return (
    <figure className="rr-mermaid">
      <img
        className="rr-mermaid-image"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawing.svg)}`}
        alt={`Diagram: ${firstLine(source)}`}
      />
      <details className="rr-mermaid-source">
        <summary>Diagram source</summary>
        {children}
      </details>
    </figure>
  );
}

let queue: Promise<unknown> = Promise.resolve();
let drawn = 0;

/** Mermaid keeps global state while it lays out a diagram, so diagrams are drawn one after another. */
function drawMermaid(source: string): Promise<string> {
  const next = queue.then(async () => {
    const { default: mermaid } = await import('mermaid');
    const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: dark ? 'dark' : 'default',
      // Labels as SVG text, not HTML in foreignObject: an image of the diagram then shows them everywhere.
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      maxTextSize: MAX_MERMAID_SOURCE_CHARS,
    });
    drawn += 1;
    const { svg } = await mermaid.render(`rr-mermaid-${drawn}`, source);
    return svg;
  });
  queue = next.catch(() => undefined);
  return next;
}

function firstLine(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value);
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
