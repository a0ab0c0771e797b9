import { readdirSync, readFileSync } from 'node:fs';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import type { IngestResult } from '../../../core/model';
import { checklistModeOf, isProcedureHeading } from '../../../core/userdata/checklistSteps';
import { listChecklistSteps } from '../../../core/userdata/checklistStepsOfMarkdown';
import { ingested } from '../cache/testDatabase';

const SOURCE = 'team-runbooks';

const failoverV1 = `---
title: Database failover
owner: dba
checklist: true
---
# Database failover

Use this when the primary is down.

## Before you start

- Read the dashboard.
- [ ] Tell the incident channel.
- [x] Page the DBA on call.

## Promote the replica

1. Stop writes on the primary.
2. Promote the replica:
   1. Run \`pg_ctl promote\`.
   2. Check that   *recovery* is off.
3. Point the app at the new primary.

## Verify

1. Stop writes on the primary.
2. Check the error rate.
3. Wait five minutes.
4. Check the error rate.
`;

function runbook(text: string) {
  const result = ingested(SOURCE, 'db/failover.md', text) as Extract<IngestResult, { kind: 'runbook' }>;
  expect(result.kind).toBe('runbook');
  return result;
}

function stepsOf(text: string) {
  const { meta, body } = runbook(text);
  return listChecklistSteps(body.markdown, meta.headings, body.bodyLine, checklistModeOf(meta.extra));
}

describe('listChecklistSteps: what is a step', () => {
  const steps = stepsOf(failoverV1);

  it('takes numbered items and task items, in document order, and leaves plain bullets out', () => {
    expect(steps.map((s) => s.text)).toEqual([
      'Tell the incident channel.',
      'Page the DBA on call.',
      'Stop writes on the primary.',
      'Promote the replica:',
      'Run pg_ctl promote.',
      'Check that   recovery is off.',
      'Point the app at the new primary.',
      'Stop writes on the primary.',
      'Check the error rate.',
      'Wait five minutes.',
      'Check the error rate.',
    ]);
    expect(steps.map((s) => s.text)).not.toContain('Read the dashboard.');
  });

  it('makes nested numbered items steps of their own, and keeps them out of their parent step', () => {
    const parent = steps.find((s) => s.text.startsWith('Promote the replica'))!;
    expect(parent.key).toBe('promote-the-replica/promote the replica:');
    expect(steps.find((s) => s.text.startsWith('Run'))!.key).toBe('promote-the-replica/run pg_ctl promote.');
    // Whitespace and case do not matter to the key.
    expect(steps.find((s) => s.text.startsWith('Check that'))!.key).toBe('promote-the-replica/check that recovery is off.');
  });

  it('gives the same text in two sections two keys, and the same text twice in one section distinct keys', () => {
    const keys = steps.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('promote-the-replica/stop writes on the primary.');
    expect(keys).toContain('verify/stop writes on the primary.');
    const errorRate = steps.filter((s) => s.text === 'Check the error rate.').map((s) => s.key);
    expect(errorRate).toHaveLength(2);
    expect(errorRate[0]).not.toBe(errorRate[1]);
    expect(errorRate.every((k) => k.startsWith('verify/'))).toBe(true);
  });

  it('keys steps before the first heading by their text alone', () => {
    expect(listChecklistSteps('1. Breathe.\n2. Open the dashboard.\n', [], 1, 'all-numbered').map((s) => s.key)).toEqual([
      '/breathe.',
      '/open the dashboard.',
    ]);
  });

  it('takes numbered items in block quotes and task items with numbered sub-steps', () => {
    const found = listChecklistSteps('> 1. Quoted step.\n\n* [ ] Task\n  1. Sub-step\n', [], 1, 'all-numbered');
    expect(found.map((s) => [s.line, s.text])).toEqual([
      [1, 'Quoted step.'],
      [3, 'Task'],
      [4, 'Sub-step'],
    ]);
  });

  it('does not offer an empty numbered item as a step (there is nothing to tick off)', () => {
    const found = listChecklistSteps('1. First.\n2.\n3. Third.\n', [], 1, 'all-numbered');
    expect(found.map((s) => s.text)).toEqual(['First.', 'Third.']);
    // An item holding only a sub-list is not a step either; its sub-item is.
    expect(listChecklistSteps('1. 1. Only the inner step.\n', [], 1, 'all-numbered').map((s) => [s.line, s.text])).toEqual([
      [1, 'Only the inner step.'],
    ]);
  });

  it('finds no steps in a runbook without lists', () => {
    expect(stepsOf('# Notes\n\nJust prose.\n')).toEqual([]);
  });
});

describe('listChecklistSteps: lines are the lines the renderer sees', () => {
  const { meta, body } = runbook(failoverV1);
  const steps = listChecklistSteps(body.markdown, meta.headings, body.bodyLine, 'all-numbered');

  it('reports lines of the Markdown body (front matter excluded), where each step starts', () => {
    expect(body.bodyLine).toBeGreaterThan(1);
    const lines = body.markdown.split('\n');
    for (const step of steps) expect(lines[step.line - 1]).toContain(step.text.split(' ')[0]);
    expect(steps[0]!.line).toBe(lines.indexOf('- [ ] Tell the incident channel.') + 1);
  });

  it('matches the start lines react-markdown gives its list items for the same body', () => {
    const rendered: number[] = [];
    const li = ({
      node,
      children,
    }: {
      node?: { position?: { start: { line: number } } | undefined } | undefined;
      children?: ReactNode;
    }) => {
      if (node?.position) rendered.push(node.position.start.line);
      return createElement('li', null, children);
    };
    renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm], components: { li } }, body.markdown));
    // Every step is a rendered list item at the same line; the one plain bullet is the only item left over.
    const stepLines = steps.map((s) => s.line);
    expect(stepLines.every((line) => rendered.includes(line))).toBe(true);
    const leftOver = rendered.filter((line) => !stepLines.includes(line));
    expect(leftOver.map((line) => body.markdown.split('\n')[line - 1])).toEqual(['- Read the dashboard.']);
  });
});

describe('listChecklistSteps: keys across upstream edits', () => {
  // The front matter grows (the body moves down the file), the intro and another section change,
  // a step is added elsewhere, and one step is reworded.
  const failoverV2 = failoverV1
    .replace('owner: dba\n', 'owner: dba\nstatus: active\ntags: [db, postgres]\n')
    .replace('Use this when the primary is down.', 'Use this when the primary is down or unreachable.\n\nAsk for help early.')
    .replace('- [x] Page the DBA on call.\n', '- [x] Page the DBA on call.\n- [ ] Open an incident document.\n')
    .replace('3. Point the app at the new primary.', '3. Point the application at the new primary.');

  const before = stepsOf(failoverV1);
  const after = stepsOf(failoverV2);

  it('keeps the keys of unchanged steps, so saved progress still applies to them', () => {
    const unchanged = before.filter((s) => s.text !== 'Point the app at the new primary.');
    const afterKeys = new Set(after.map((s) => s.key));
    for (const step of unchanged) expect(afterKeys, step.key).toContain(step.key);
    // …even though they now sit on other lines.
    expect(after.find((s) => s.text === 'Stop writes on the primary.')!.line).not.toBe(
      before.find((s) => s.text === 'Stop writes on the primary.')!.line,
    );
  });

  it('gives a reworded step a new key, and a new step its own', () => {
    const beforeKeys = new Set(before.map((s) => s.key));
    const fresh = after.filter((s) => !beforeKeys.has(s.key)).map((s) => s.key);
    expect(fresh.sort()).toEqual([
      'before-you-start/open an incident document.',
      'promote-the-replica/point the application at the new primary.',
    ]);
    expect(after.map((s) => s.key)).not.toContain('promote-the-replica/point the app at the new primary.');
  });
});

describe('listChecklistSteps on hostile Markdown', () => {
  it('lists the steps of a runbook whose emphasis nests sixteen thousand markers deep', () => {
    const stars = '*'.repeat(16_000);
    const markdown = `# Deep\n\n1. ${stars}a${stars}\n2. Call the DBA.\n- [ ] ${'_'.repeat(8_000)}b${'_'.repeat(8_000)}\n`;
    const steps = listChecklistSteps(markdown, [{ id: 'deep', line: 1 }], 1, 'all-numbered');
    expect(steps.map((s) => [s.line, s.text])).toEqual([
      [3, expect.stringContaining('a')],
      [4, 'Call the DBA.'],
      [5, expect.stringContaining('b')],
    ]);
  });
});

describe('listChecklistSteps: checklists only where there are steps', () => {
  const policy = `---
title: Privacy policy
owner: legal
---
# Privacy policy

## What we collect

1. Your name.
2. Your e-mail address.

## How to ask for your data

1. Write to privacy@example.com.
2. Wait for the reply.

### What the reply holds

1. A copy of your records.

## Retention

1. Logs are kept 30 days.

- [ ] Read this policy.
`;

  it('takes numbered lists under a procedure-like heading, and headings nested under one, but not the others', () => {
    expect(stepsOf(policy).map((s) => s.text)).toEqual([
      'Write to privacy@example.com.',
      'Wait for the reply.',
      'A copy of your records.',
      'Read this policy.',
    ]);
  });

  it('always takes task-list items', () => {
    expect(stepsOf('# Notes\n\n1. Not a step.\n\n- [ ] A task.\n').map((s) => s.text)).toEqual(['A task.']);
  });

  it('recognises Steps, Procedure, Mitigation, Rollback, Recovery and How to … in any case', () => {
    for (const heading of [
      'Steps',
      'PROCEDURE',
      'Mitigation steps',
      'Rollback',
      'Roll back',
      'Recovery',
      'How to restart the API',
      '3. How to fail over',
    ]) {
      expect(isProcedureHeading(heading), heading).toBe(true);
    }
    for (const heading of ['What we collect', 'Retention', 'Overview', 'Who knows how to help']) {
      expect(isProcedureHeading(heading), heading).toBe(false);
    }
  });

  it('makes every numbered list steps when the front matter asks for it, and none when it says no', () => {
    const asked = policy.replace('owner: legal\n', 'owner: legal\nchecklist: true\n');
    expect(stepsOf(asked)).toHaveLength(7);
    const off = policy.replace('owner: legal\n', 'owner: legal\nchecklist: false\n');
    expect(stepsOf(off)).toEqual([]);
  });

  it('keeps the steps of the bundled Moderation Operations runbook', () => {
    const text = readFileSync(new URL('../../../runbooks/moderation-operations.md', import.meta.url), 'utf8');
    const steps = stepsOf(text);
    expect(steps.length).toBeGreaterThan(20);
    expect(steps.map((s) => s.text)).toContain('Page the Security Team (contacts at the bottom) in parallel. Do not wait.');
  });

  it('numbers steps within their section, so a reworded step can be found again', () => {
    const steps = stepsOf(policy);
    expect(steps.map((s) => [s.section, s.ordinal])).toEqual([
      ['how-to-ask-for-your-data', 0],
      ['how-to-ask-for-your-data', 1],
      ['what-the-reply-holds', 0],
      ['retention', 0],
    ]);
  });
});

describe('checklist steps read at ingest', () => {
  const bundled = readdirSync(new URL('../../../runbooks/', import.meta.url)).filter((name) => name.endsWith('.md'));

  it.each(bundled)('are the steps the page would read from %s', (name) => {
    const text = readFileSync(new URL(`../../../runbooks/${name}`, import.meta.url), 'utf8');
    const { meta, body } = runbook(text);
    expect(body.steps).toEqual(listChecklistSteps(body.markdown, meta.headings, body.bodyLine, checklistModeOf(meta.extra)));
  });

  it('the bundled set has steps to compare (the comparison above is not empty)', () => {
    const total = bundled.reduce((sum, name) => {
      const { body } = runbook(readFileSync(new URL(`../../../runbooks/${name}`, import.meta.url), 'utf8'));
      return sum + (body.steps?.length ?? 0);
    }, 0);
    expect(total).toBeGreaterThan(20);
  });

  it('follow the checklist: front matter (off gives none)', () => {
    expect(runbook(failoverV1).body.steps?.length).toBeGreaterThan(0);
    expect(runbook(failoverV1.replace('checklist: true', 'checklist: false')).body.steps).toEqual([]);
  });

  it('are found under ten thousand headings that all say "Step", each in its own section', () => {
    const headings = Array.from({ length: 10_000 }, (_, i) => `## Step ${i + 1}\n\n1. Run check ${i + 1}.\n`).join('\n');
    const { body } = runbook(`---\ntitle: Many\n---\n# Many\n\n${headings}`);
    expect(body.steps).toHaveLength(10_000);
    expect(body.steps?.[9_999]).toMatchObject({ section: 'step-10000', text: 'Run check 10000.', ordinal: 0 });
  });
});
