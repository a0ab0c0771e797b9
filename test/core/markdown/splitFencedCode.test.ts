import { describe, expect, it } from 'vitest';
import { splitFencedCode } from '../../../core/markdown/splitFencedCode';

describe('splitFencedCode: code blocks inside Markdown shown as written', () => {
  it('separates text and fenced blocks, leaving the fences out and keeping the language', () => {
    const markdown = 'Intro.\n\n  ```bash title="x"\n  echo {{cluster}}\n    indented\n  ```\n\nAfter.\n~~~\nplain\n~~~';
    expect(splitFencedCode(markdown)).toEqual([
      { kind: 'text', text: 'Intro.\n\n' },
      { kind: 'code', code: 'echo {{cluster}}\n  indented\n', language: 'bash' },
      { kind: 'text', text: '\nAfter.\n' },
      { kind: 'code', code: 'plain\n', language: undefined },
    ]);
  });

  it('closes a block only with a fence of the same kind at least as long, and runs an unclosed one to the end', () => {
    const markdown = '````md\n```\nstill code\n~~~\n````\n```sh\nnever closed\n````x\n';
    expect(splitFencedCode(markdown)).toEqual([
      { kind: 'code', code: '```\nstill code\n~~~\n', language: 'md' },
      { kind: 'code', code: 'never closed\n````x\n\n', language: 'sh' },
    ]);
  });

  it('leaves inline code, fences indented four spaces and text without blocks as text', () => {
    for (const markdown of ['``` inline ` code ```\n', '    ```\n    not a fence\n', 'Just a long paragraph.']) {
      expect(splitFencedCode(markdown)).toEqual([{ kind: 'text', text: markdown }]);
    }
  });

  it('reads a 1 MB block in one pass', () => {
    const body = 'echo "{{ not a placeholder <x"\n'.repeat(40_000);
    const [segment] = splitFencedCode(`\`\`\`bash\n${body}kubectl --context {{cluster}} get pods\n\`\`\`\n`);
    expect(segment).toMatchObject({ kind: 'code', language: 'bash' });
    expect(segment?.kind === 'code' && segment.code).toBe(`${body}kubectl --context {{cluster}} get pods\n`);
  });
});
