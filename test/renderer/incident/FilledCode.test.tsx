// @vitest-environment jsdom
import '../support/domTest';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { setIncidentValue, startIncident } from '../../../core/incident/incidentStore';
import { db } from '../../../renderer/app/database';
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
});
