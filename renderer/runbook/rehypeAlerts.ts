import type { Element, ElementContent, Root } from 'hast';

/** GitHub's alert types, with the label shown and a small icon drawn in the text colour. */
const ALERTS = {
  note: { label: 'Note', icon: 'M12 7.5v.01M12 11v6', shape: 'circle' },
  tip: { label: 'Tip', icon: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z', shape: 'none' },
  important: { label: 'Important', icon: 'M12 7v5M12 15.5v.01M4 4h16v12H9l-5 4z', shape: 'none' },
  warning: {
    label: 'Warning',
    icon: 'M12 9v4M12 16.5v.01M10.3 3.9 2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
    shape: 'none',
  },
  caution: { label: 'Caution', icon: 'M12 8v4.5M12 16v.01M8.1 2h7.8L22 8.1v7.8L15.9 22H8.1L2 15.9V8.1z', shape: 'none' },
} as const;

type AlertType = keyof typeof ALERTS;

const MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;

/**
 * `> [!WARNING]` blockquotes become GitHub alerts: a labelled, coloured box with an icon. Runs after the
 * sanitizer, since the box's markup is the reader's own. A quote whose first line is anything else stays a
 * quote.
 */
export function rehypeAlerts() {
  return (tree: Root) => {
    const pending: (Root | Element)[] = [tree];
    while (pending.length > 0) {
      const parent = pending.pop()!;
      for (const child of parent.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'blockquote') makeAlert(child);
        pending.push(child);
      }
    }
  };
}

function makeAlert(quote: Element): void {
  const first = quote.children.find((c): c is Element => c.type === 'element');
  if (!first || first.tagName !== 'p') return;
  const text = first.children[0];
  if (!text || text.type !== 'text') return;
  const match = MARKER.exec(text.value);
  if (!match) return;
  const type = match[1]!.toLowerCase() as AlertType;
  text.value = text.value.slice(match[0].length);
  // The marker was alone in its paragraph: drop the paragraph, not leave an empty one.
  if (text.value === '' && first.children.length === 1) quote.children.splice(quote.children.indexOf(first), 1);
  else if (text.value === '') first.children.shift();
  quote.tagName = 'div';
  quote.properties = { className: ['rr-alert', `rr-alert-${type}`], role: 'note', ariaLabel: ALERTS[type].label };
  quote.children.unshift(titleOf(type));
}

function titleOf(type: AlertType): Element {
  const { label, icon, shape } = ALERTS[type];
  const drawing: ElementContent[] = [{ type: 'element', tagName: 'path', properties: { d: icon }, children: [] }];
  if (shape === 'circle') drawing.unshift({ type: 'element', tagName: 'circle', properties: { cx: '12', cy: '12', r: '9' }, children: [] });
  const svg: Element = {
    type: 'element',
    tagName: 'svg',
    properties: {
      viewBox: '0 0 24 24',
      width: '18',
      height: '18',
      fill: 'none',
      stroke: 'currentColor',
      strokeWidth: '2',
      strokeLinecap: 'round',
      strokeLinejoin: 'round',
      ariaHidden: 'true',
      focusable: 'false',
    },
    children: drawing,
  };
  return { type: 'element', tagName: 'p', properties: { className: ['rr-alert-title'] }, children: [svg, { type: 'text', value: label }] };
}
