// @vitest-environment jsdom
import '../support/domTest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setIncidentValue, startIncident } from '../../../core/incident/incidentStore';
import { db } from '../../../renderer/app/database';
import { PlainSlice } from '../../../renderer/runbook/PlainSlice';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';
import { splitMarkdown } from '../../../renderer/runbook/splitMarkdown';

/** 4,000 long lines of shell with stray `{{` and `<`: over 1 MB, far above what is formatted as one block. */
const FILLER = Array.from({ length: 4_000 }, (_, i) => `echo "${i} ${'A'.repeat(220)} {{ not a placeholder <x"\n`).join('');
const BODY = `# Pasted blob\n\nRun this:\n\n\`\`\`bash\n${FILLER}kubectl --context {{cluster}} get pods\n\`\`\`\n\n## After\n\nText.\n`;

function showTooLargePart() {
  const part = splitMarkdown(BODY).find((p) => p.plain === 'too-large');
  if (!part) throw new Error('expected the block to be too large to format');
  return render(
    <RunbookContext.Provider value={{ sourceId: 'team', path: 'ops/blob.md', title: 'Pasted blob', online: true }}>
      <PlainSlice part={part} />
    </RunbookContext.Provider>,
  );
}

describe('a code block too large to format, during an incident', () => {
  it('fills and marks the placeholder at its end, says it is too large to format, and Copy gives the filled code', async () => {
    expect(FILLER.length).toBeGreaterThan(1_000_000);
    const incident = await startIncident(db, { name: 'Pods crash-looping', severity: 'SEV2' });
    await setIncidentValue(db, incident.id, 'cluster', 'prod-eu; $(reboot)');
    const user = userEvent.setup();
    let copied: string | undefined;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => Promise.resolve(void (copied = text)) },
    });
    const { container } = showTooLargePart();

    await waitFor(() => expect(container.querySelector('mark.rr-placeholder-filled')?.textContent).toBe('prod-eu; $(reboot)'));
    expect(container.querySelectorAll('mark.rr-placeholder')).toHaveLength(1);
    expect(screen.getByRole('note').textContent).toMatch(/too large to format as one block .* shown as written/);
    const code = container.querySelector('.rr-plain-code pre code')!;
    expect(code.textContent).toBe(`${FILLER}kubectl --context prod-eu; $(reboot) get pods\n`);
    expect(container.querySelector('.rr-plain-code .rr-code-lang')?.textContent).toBe('bash');

    await user.click(screen.getByRole('button', { name: 'Copy bash block to clipboard' }));
    await waitFor(() => expect(copied).toBe(`${FILLER}kubectl --context prod-eu; $(reboot) get pods`));
    expect(await screen.findByText('Code copied to clipboard')).toBeTruthy();
  });

  it('shows the placeholder as written, marked as still to fill, when no incident is open', async () => {
    const { container } = showTooLargePart();
    await waitFor(() => expect(container.querySelector('mark.rr-placeholder-empty')?.textContent).toBe('{{cluster}}'));
    expect(container.querySelector('mark.rr-placeholder-empty')?.getAttribute('title')).toBe('Start an incident to fill it');
  });
});
