import { describe, expect, it } from 'vitest';
import type { ContactLinesRange } from '../../../renderer/runbook/remarkContactLinks';
import { renderMarkdownStatic } from '../support/renderMarkdownStatic';

function render(markdown: string, contactLines: ContactLinesRange[]): string {
  return renderMarkdownStatic(markdown, { contactLines });
}

const section = [
  '## Emergency contacts',
  '',
  '- Duty manager: 020 7946 0958',
  '- Lab: (555) 010-3300',
  '- Shipped on 2026-02-03, order 4471 2209 1183',
].join('\n');

describe('phone numbers in a runbook contacts section', () => {
  it('links national numbers in the region given, and marks an example number to check', () => {
    const british = render(section, [{ from: 1, to: 5, region: 'GB' }]);
    expect(british).toContain('href="tel:+442079460958"');
    // Written without the trunk 0 a British number would need: not dialled as one.
    expect(british).not.toContain('tel:+44555');
    const american = render(section, [{ from: 1, to: 5, region: 'US' }]);
    expect(american).toContain('href="tel:+15550103300"');
    expect(american).toMatch(
      /tel:\+15550103300[^>]*>\(555\) 010-3300<\/a><em title="Check this number: not a valid US number[^"]*"> ⚠ check this number<\/em>/,
    );
    for (const html of [british, american]) {
      expect(html).not.toMatch(/tel:\+?\d*2026/);
      expect(html).not.toMatch(/tel:[^"]*4471/);
    }
  });

  it('links no national number when no region is known, and nothing outside the section', () => {
    expect(render(section, [{ from: 1, to: 5 }])).not.toContain('tel:');
    expect(render(`Call 020 7946 0958.\n\n${section}`, [{ from: 3, to: 7, region: 'GB' }]).match(/tel:/g)).toHaveLength(1);
  });
});
