import { describe, expect, it } from 'vitest';
import { fillHighlightedRuns, type FilledRun, type HighlightedRun } from '../../../core/incident/fillHighlightedCode';
import { joinPieces, splitPlaceholders } from '../../../core/incident/fillPlaceholders';

const NONE: ReadonlySet<string> = new Set();

function fill(runs: HighlightedRun[], values: Record<string, string>, declared: ReadonlySet<string> = NONE): FilledRun[] {
  return fillHighlightedRuns(runs, splitPlaceholders(runs.map((r) => r.text).join(''), declared, values));
}

/** What the filled block shows (and Copy copies). */
const shown = (runs: readonly FilledRun[]) => runs.map((r) => (r.kind === 'text' ? r.text : (r.value ?? r.raw))).join('');

describe('fillHighlightedRuns (filled placeholders keep the syntax highlighting)', () => {
  it('keeps every token’s classes and puts the placeholder in the classes of the token it is in', () => {
    const string = ['hljs-string'];
    const runs: HighlightedRun[] = [
      { text: 'kubectl', classes: ['hljs-built_in'] },
      { text: ' logs ', classes: [] },
      { text: '"ns={{namespace}} ok"', classes: string },
      { text: '\n', classes: [] },
    ];
    expect(fill(runs, { namespace: 'prod' })).toEqual([
      { kind: 'text', text: 'kubectl', classes: ['hljs-built_in'] },
      { kind: 'text', text: ' logs ', classes: [] },
      { kind: 'text', text: '"ns=', classes: string },
      { kind: 'placeholder', name: 'namespace', raw: '{{namespace}}', value: 'prod', classes: string },
      { kind: 'text', text: ' ok"', classes: string },
      { kind: 'text', text: '\n', classes: [] },
    ]);
  });

  it('makes one placeholder of one the highlighter cut into several tokens', () => {
    const runs: HighlightedRun[] = [
      { text: 'host: ', classes: ['hljs-attr'] },
      { text: '{{', classes: ['hljs-template-tag'] },
      { text: ' cluster ', classes: ['hljs-template-tag', 'hljs-name'] },
      { text: '}}', classes: ['hljs-template-tag'] },
      { text: ' # ', classes: ['hljs-comment'] },
      { text: '<REGION>', classes: ['hljs-comment'] },
    ];
    const filled = fill(runs, { cluster: 'eu-1' }, new Set(['REGION']));
    expect(filled).toEqual([
      { kind: 'text', text: 'host: ', classes: ['hljs-attr'] },
      { kind: 'placeholder', name: 'cluster', raw: '{{ cluster }}', value: 'eu-1', classes: ['hljs-template-tag'] },
      { kind: 'text', text: ' # ', classes: ['hljs-comment'] },
      { kind: 'placeholder', name: 'REGION', raw: '<REGION>', value: undefined, classes: ['hljs-comment'] },
    ]);
    expect(shown(filled)).toBe('host: eu-1 # <REGION>');
  });

  it('shows a value with shell metacharacters literally', () => {
    const runs: HighlightedRun[] = [{ text: 'echo {{user}}', classes: [] }];
    expect(shown(fill(runs, { user: '$(rm -rf /); `id` && echo "x"' }))).toBe('echo $(rm -rf /); `id` && echo "x"');
  });

  it('fills a placeholder in a 1 MB highlighted block full of stray braces and angle brackets, and shows every other character', () => {
    // About 1 MB in 42,000 tokens; stray `{{` and `<` that are not placeholders, and the one real
    // placeholder near the end, so a scan that looked ahead from every brace would be quadratic.
    const runs: HighlightedRun[] = [];
    for (let i = 0; i < 21_000; i++) {
      runs.push({ text: `echo {{ not closed <tag ${i} `, classes: ['hljs-built_in'] });
      runs.push({ text: `"${'x'.repeat(16)}"\n`, classes: ['hljs-string'] });
    }
    runs.push({ text: 'kubectl --context {{cluster}} get pods\n', classes: [] });
    const text = runs.map((r) => r.text).join('');
    expect(text.length).toBeGreaterThan(1_000_000);

    const pieces = splitPlaceholders(text, new Set(['tag']), { cluster: 'prod-eu' });
    const filled = fillHighlightedRuns(runs, pieces);

    expect(filled.filter((r) => r.kind === 'placeholder')).toEqual([
      { kind: 'placeholder', name: 'cluster', raw: '{{cluster}}', value: 'prod-eu', classes: [] },
    ]);
    expect(shown(filled)).toBe(joinPieces(pieces));
    expect(shown(filled)).toBe(text.replace('{{cluster}}', 'prod-eu'));
    expect(filled.filter((r) => r.kind === 'text' && r.classes[0] === 'hljs-string')).toHaveLength(21_000);
  });
});
