import hljs from 'highlight.js/lib/core';
import { common } from 'lowlight';
import rehypeHighlight from 'rehype-highlight';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeHighlightOnDemand } from '../../../renderer/runbook/rehypeHighlightOnDemand';

// Text that exercises what grammars hand to others: HTML with script and style, a shell prompt, a Python
// prompt, PHP tags, Markdown with HTML.
const SNIPPET = [
  '<div class="x"><script>const a = 1; // note</script><style>a { color: red; }</style></div>',
  '$ kubectl get pods -n clipper | grep -v Running',
  '>>> print({"a": [1, 2]})',
  '<?php echo "hi"; ?>',
  '# Title with *emphasis* and `code`',
  "SELECT id FROM users WHERE name = 'x'; -- done",
  'key: [1, 2] # comment',
].join('\n');

/** A body's code blocks as Markdown gives them to rehype: `pre > code.language-<name>` (no class when unnamed). */
function codeBlocks(blocks: readonly [string | undefined, string][]): Root {
  const code = ([name, text]: [string | undefined, string]): Element => ({
    type: 'element',
    tagName: 'pre',
    properties: {},
    children: [
      {
        type: 'element',
        tagName: 'code',
        properties: name ? { className: [`language-${name}`] } : {},
        children: [{ type: 'text', value: text }],
      },
    ],
  });
  return { type: 'root', children: blocks.map(code) };
}

/** The tree after highlighting, as JSON (what the page is made from). */
function highlighted(blocks: readonly [string | undefined, string][], plugin: typeof rehypeHighlightOnDemand): string {
  const tree = codeBlocks(blocks);
  const messages: unknown[] = [];
  // rehype-highlight only tells the file about a language it does not know.
  plugin()(tree, { message: (reason: unknown) => messages.push(reason) } as unknown as Parameters<ReturnType<typeof plugin>>[1]);
  return JSON.stringify(tree);
}

const everyLanguage = () => rehypeHighlight({ detect: false }) as ReturnType<typeof rehypeHighlightOnDemand>;

describe('highlighting only the languages a body names', () => {
  it('highlights every common language and alias exactly as highlighting with all of them set up does', () => {
    const names = [...Object.keys(common), ...Object.keys(aliasesOfCommon()), 'SH', 'unknown-language'];
    for (const name of names) {
      expect(highlighted([[name, SNIPPET]], rehypeHighlightOnDemand), name).toBe(highlighted([[name, SNIPPET]], everyLanguage));
    }
    // The comparison means something: the snippet is highlighted in these languages.
    expect(highlighted([['sh', '$ ls | grep x']], rehypeHighlightOnDemand)).toContain('hljs-');
  });

  it('highlights a body with several languages, one with no named language and a no-highlight block as before', () => {
    for (const blocks of [
      [
        ['yaml', 'key: 1'],
        ['console', '$ ls'],
        ['ts', 'const a: number = 1;'],
      ],
      [[undefined, 'plain']],
      [['no-highlight', '<b>x</b>']],
    ] as [string | undefined, string][][]) {
      expect(highlighted(blocks, rehypeHighlightOnDemand)).toBe(highlighted(blocks, everyLanguage));
    }
  });
});

/** highlight.js's own aliases of the common languages. */
function aliasesOfCommon(): Record<string, string> {
  const aliases: Record<string, string> = {};
  const high = hljs.newInstance();
  for (const [name, grammar] of Object.entries(common)) {
    high.registerLanguage(name, grammar);
    for (const alias of high.getLanguage(name)?.aliases ?? []) aliases[alias] = name;
  }
  return aliases;
}
