import { describe, expect, it } from 'vitest';
import { detachString } from '../../../core/markdown/detachString';

describe('detachString', () => {
  it('keeps every character of short, long and non-Latin text, links and anchors included', () => {
    const samples = [
      '',
      'a',
      'x'.repeat(12),
      '../area-1/runbook-00001.md#rollback-steps',
      '🚨 Pager escalation — 当番表',
      'tel:+1-555-0100 ',
    ];
    for (const text of samples) expect(detachString(text)).toBe(text);
  });

  it('gives a slice of a large document back as the same text', () => {
    const document = `# Title\n\n${'filler '.repeat(2000)}[the related runbook](../area-2/runbook-00002.md)\n`;
    const start = document.indexOf('../area-2');
    const href = document.slice(start, document.indexOf(')', start));
    expect(detachString(href)).toBe('../area-2/runbook-00002.md');
  });
});
