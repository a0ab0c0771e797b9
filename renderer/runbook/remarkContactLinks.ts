import type { Link, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { findContactPoints } from '../../core/contacts/findContactPoints';

export interface ContactLinesRange {
  /** First and last Markdown body line (1-based) of a contacts section. */
  from: number;
  to: number;
  /** Region national phone numbers there are read in (the runbook's, else its source's, else the device's). */
  region?: string | undefined;
}

/**
 * Inside contacts sections, phone numbers, emails and chat or paging links in plain text become links
 * (`tel:`, `mailto:` …), so a contact is one tap away in place. A number that is possible but not valid (the
 * fictional 555 numbers of examples) is linked with a visible "check this number" mark beside it. Code and
 * existing links are left alone.
 */
export function remarkContactLinks(options: { ranges: readonly ContactLinesRange[] }) {
  return (tree: Root) => {
    if (options.ranges.length === 0) return;
    visit(tree, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'linkReference' || node.type === 'inlineCode' || node.type === 'code') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const line = node.position?.start.line;
      const range = line === undefined ? undefined : options.ranges.find((r) => line >= r.from && line <= r.to);
      if (!range) return undefined;
      const parts = splitContacts(node, range.region);
      if (!parts) return undefined;
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}

function splitContacts(node: Text, region: string | undefined): PhrasingContent[] | undefined {
  const points = findContactPoints(node.value, { region }).filter((p) => p.href);
  if (points.length === 0) return undefined;
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const point of points) {
    if (point.start < at) continue;
    if (point.start > at) out.push({ type: 'text', value: node.value.slice(at, point.start) });
    const link: Link = { type: 'link', url: point.href!, children: [{ type: 'text', value: node.value.slice(point.start, point.end) }] };
    out.push(link);
    const doubt = point.phone?.checkReason;
    if (doubt) {
      out.push({
        type: 'emphasis',
        // The sanitizer keeps `title` (not classes) on `em`: contacts.css styles the mark by that title.
        data: { hProperties: { title: `Check this number: ${doubt}` } },
        children: [{ type: 'text', value: ' ⚠ check this number' }],
      });
    }
    at = point.end;
  }
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}
