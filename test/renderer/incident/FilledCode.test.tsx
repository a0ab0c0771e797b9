// @vitest-environment jsdom
import '../support/domTest';
import { render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { setIncidentValue, startIncident } from '../../../core/incident/incidentStore';
import { db } from '../../../renderer/app/database';
import { FilledCode } from '../../../renderer/incident/FilledCode';
import { MarkdownView } from '../../../renderer/runbook/MarkdownView';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';

function show(markdown: string) {
  return render(
    <MemoryRouter>
      <RunbookContext.Provider value={{ sourceId: 'src', path: 'ops/page.md', title: 'Page', online: true }}>
        <MarkdownView markdown={markdown} />
      </RunbookContext.Provider>
    </MemoryRouter>,
  );
}

const BLOCK = '```bash\nkubectl --context {{cluster}} -n {{namespace}} logs deploy/api\n```\n';

describe('code blocks during an incident', () => {
  it('shows the incident’s values in place of placeholders, marked, as text, and marks the ones still empty', async () => {
    const incident = await startIncident(db, { name: 'API down', severity: 'SEV1' });
    await setIncidentValue(db, incident.id, 'cluster', 'prod-eu; $(reboot)');
    const { container } = show(BLOCK);
    const filled = await screen.findByText('prod-eu; $(reboot)');
    expect(filled.tagName).toBe('MARK');
    expect(filled.className).toContain('rr-placeholder-filled');
    expect(container.querySelector('mark.rr-placeholder-empty')?.textContent).toBe('{{namespace}}');
    // The Copy button copies the code element's text: the filled command.
    expect(container.querySelector('pre code')?.textContent).toBe(
      'kubectl --context prod-eu; $(reboot) -n {{namespace}} logs deploy/api\n',
    );
  });

  it('leaves a block without placeholders as highlighted, and shows placeholders as written with no incident', async () => {
    const { container } = show('```bash\necho plain\n```\n\n' + BLOCK);
    await waitFor(() => expect(container.querySelectorAll('mark.rr-placeholder-empty')).toHaveLength(2));
    expect(container.querySelector('pre code')?.textContent).toBe('echo plain\n');
    expect(container.querySelectorAll('pre code')[1]?.textContent).toContain('--context {{cluster}} -n {{namespace}}');
  });

  it('keeps the syntax highlighting of a filled block, with the value marked inside the token it fills', async () => {
    const incident = await startIncident(db, { name: 'API down', severity: 'SEV1' });
    await setIncidentValue(db, incident.id, 'namespace', 'payments');
    const { container } = show('```bash\necho "ns={{namespace}}" # {{cluster}}\n```\n');
    const filled = await screen.findByText('payments');
    // The value sits in the string token it fills, between the string's other parts.
    expect(filled.parentElement?.className).toBe('hljs-string');
    expect([...container.querySelectorAll('pre code .hljs-string')].map((s) => s.textContent).join('')).toBe('"ns=payments"');
    expect(container.querySelector('pre code .hljs-built_in')?.textContent).toBe('echo');
    expect(container.querySelector('.hljs-comment mark.rr-placeholder-empty')?.textContent).toBe('{{cluster}}');
    expect(container.querySelector('pre code')?.textContent).toBe('echo "ns=payments" # {{cluster}}\n');
  });

  it('fills a placeholder at the end of a 1 MB highlighted block, keeping all of the block and its tokens', async () => {
    const incident = await startIncident(db, { name: 'Big block', severity: 'SEV3' });
    await setIncidentValue(db, incident.id, 'cluster', 'prod-eu');
    // What rehype-highlight hands the code element for a 1 MB bash block of long lines (a pasted blob).
    const filler = `${'A'.repeat(220)} {{ not a placeholder <x`;
    const tokens: ReactNode[] = [];
    for (let i = 0; i < 4_000; i++) {
      tokens.push(
        <span key={`c${i}`} className="hljs-built_in">
          echo
        </span>,
        ' ',
        <span key={`s${i}`} className="hljs-string">{`"${i} ${filler}"`}</span>,
        '\n',
      );
    }
    tokens.push('kubectl --context {{cluster}} get pods\n');
    const { container } = render(
      <RunbookContext.Provider value={{ sourceId: 'src', path: 'ops/page.md', title: 'Page', online: true }}>
        <pre>
          <FilledCode>
            <code className="language-bash">{tokens}</code>
          </FilledCode>
        </pre>
      </RunbookContext.Provider>,
    );
    // A generous bound for a busy machine: this guards against a hang, it does not measure speed.
    await waitFor(() => expect(container.querySelector('mark.rr-placeholder-filled')?.textContent).toBe('prod-eu'), { timeout: 30_000 });
    const code = container.querySelector('pre code')!;
    const expected = Array.from({ length: 4_000 }, (_, i) => `echo "${i} ${filler}"\n`).join('') + 'kubectl --context prod-eu get pods\n';
    expect(expected.length).toBeGreaterThan(1_000_000);
    expect(code.textContent).toBe(expected);
    expect(code.querySelectorAll('.hljs-string')).toHaveLength(4_000);
  });
});
