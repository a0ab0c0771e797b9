import { describe, expect, it } from 'vitest';
import { findContactSections } from '../../../core/contacts/findContactSections';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';

describe('findContactSections', () => {
  it('finds sections at any depth and ends each at the next heading of the same or higher level', () => {
    const md = [
      '# Runbook', // 1
      '', // 2
      '## Emergency Contacts', // 3
      '', // 4
      '- **Ops**: ops@clpr.tv', // 5
      '', // 6
      '### Security', // 7
      '', // 8
      '- security@clpr.tv', // 9
      '', // 10
      '## Steps', // 11
      '', // 12
      '#### escalation', // 13
      '', // 14
      'Call (555) 123-4567.', // 15
      '', // 16
      '#### Verify', // 17
    ].join('\n');
    const sections = findContactSections(md);
    expect(sections.map((s) => [s.heading, s.anchor, s.depth, s.line, s.endLine])).toEqual([
      ['Emergency Contacts', 'emergency-contacts', 2, 3, 9],
      ['escalation', 'escalation', 4, 13, 15],
    ]);
    // The sub-heading stays inside its parent section, as content.
    expect(sections[0]!.nodes.map((n) => n.type)).toEqual(['list', 'heading', 'list']);
  });

  it('lists a contacts heading nested in another contacts section only once, inside the outer one', () => {
    const md = '## Contacts\n\n### On-call\n\n- 555-123-4567\n\n### Escalation\n\n- VP\n\n## Next\n';
    const sections = findContactSections(md);
    expect(sections.map((s) => s.heading)).toEqual(['Contacts']);
    expect(sections[0]!.nodes.filter((n) => n.type === 'heading')).toHaveLength(2);
  });

  it('runs the last section to the end of the body', () => {
    const md = 'Intro\n\n## Contacts\n\n- ops@clpr.tv\n- sec@clpr.tv\n';
    const [section] = findContactSections(md);
    expect(section?.endLine).toBe(6);
  });

  it('ignores a heading shown inside a code block', () => {
    const md = '## Layout\n\n```markdown\n## Emergency Contacts\n- 555-123-4567\n```\n';
    expect(findContactSections(md)).toEqual([]);
  });

  it('reports file lines and the same anchors as ingest, duplicates and front matter included', () => {
    const text = [
      '---', // 1
      'title: Failover', // 2
      '---', // 3
      '## Contacts', // 4
      '', // 5
      '> ### Contacts', // 6: a nested heading ingest also slugs
      '', // 7
      '## Steps', // 8
      '', // 9
      '## Contacts', // 10
      '', // 11
      '- ops@clpr.tv', // 12
    ].join('\n');
    const result = ingestRunbook('s', { path: 'f.md', bytes: new TextEncoder().encode(text) });
    if (result.kind !== 'runbook') throw new Error('expected a runbook');
    const sections = findContactSections(result.body.markdown, result.body.bodyLine);
    const fromIngest = result.meta.headings.filter((h) => h.depth === 2 && h.text === 'Contacts');
    expect(sections.map((s) => [s.anchor, s.line])).toEqual(fromIngest.map((h) => [h.id, h.line]));
    expect(sections.map((s) => s.anchor)).toEqual(['contacts', 'contacts-2']);
  });
});
