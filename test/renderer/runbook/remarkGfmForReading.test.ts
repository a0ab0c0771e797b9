import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { remarkGfmForReading } from '../../../renderer/runbook/remarkGfmForReading';

const RUNBOOKS = join(import.meta.dirname, '../../../runbooks');

/** Every GitHub extension, with the edge cases a team's notes have: alignment, escaped pipes, nested tasks. */
const GFM_SAMPLE = `
| Step | Command | Owner |
| :--- | :---: | ---: |
| 1 | \`kubectl get pods \\| grep api\` | ~~ops~~ sre |
| 2 | see www.example.com/runbooks and https://status.example.com. | oncall@example.com |

- [ ] drain the node
- [x] page the database on-call
  - [ ] nested check
1. [ ] numbered task

Text with a footnote[^why] and another[^2].

~one~ and ~~two~~ tildes, a bare http://10.0.0.1:8080/path?q=1 address, a (https://wrapped.example) link.

[^why]: Because the replica lags.
[^2]: A second note with **bold**.

<https://autolinked.example> and a literal <span>tag</span>.
`;

const render = (plugin: typeof remarkGfm | typeof remarkGfmForReading, markdown: string) =>
  renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [plugin] }, markdown));

describe('remarkGfmForReading', () => {
  it('reads every GitHub extension exactly as remark-gfm does', () => {
    const html = render(remarkGfmForReading, GFM_SAMPLE);
    expect(html).toBe(render(remarkGfm, GFM_SAMPLE));
    // And the extensions are really on (a plugin that did nothing would match nothing here).
    for (const part of ['<table>', 'type="checkbox"', '<del>', 'href="http://www.example.com/runbooks"', 'data-footnotes']) {
      expect(html).toContain(part);
    }
  });

  it('formats every bundled runbook exactly as remark-gfm does', () => {
    const files = readdirSync(RUNBOOKS).filter((name) => name.endsWith('.md'));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) {
      const markdown = readFileSync(join(RUNBOOKS, name), 'utf8');
      expect(render(remarkGfmForReading, markdown), name).toBe(render(remarkGfm, markdown));
    }
  });
});
