// @vitest-environment jsdom
import '../support/domTest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../core/cache/applyChangeSet';
import { closeIncident, openIncident, startIncident } from '../../../core/incident/incidentStore';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { db } from '../../../renderer/app/database';
import { RunbookIncidentValues } from '../../../renderer/incident/RunbookIncidentValues';
import { MarkdownView } from '../../../renderer/runbook/MarkdownView';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';

const PATH = 'ops/unban.md';
const RUNBOOK = [
  '---',
  'title: Unban a user',
  'variables:',
  '  USER_ID:',
  '    description: "Twitch user id of the banned user"',
  '    example: "41245072"',
  '---',
  '# Unban a user',
  '',
  '```bash',
  'curl -X DELETE "$API/bans/<USER_ID>" # <POD> and <br> are not declared',
  '```',
  '',
].join('\n');

/** The runbook as the reader caches and shows it: its record in the database, its panel and its body. */
async function openRunbook() {
  const result = ingestRunbook('team', { path: PATH, bytes: new TextEncoder().encode(RUNBOOK) });
  if (result.kind !== 'runbook') throw new Error('expected a runbook');
  await db.sources.put({ id: 'team', kind: 'git', name: 'Team', location: 'https://git.example.com/team.git' });
  await applyChangeSet(db, { sourceId: 'team', version: 'v1', upserts: [result], removed: [], renamed: [] });
  return render(
    <MemoryRouter>
      <RunbookContext.Provider value={{ sourceId: 'team', path: PATH, title: 'Unban a user', online: true }}>
        <RunbookIncidentValues meta={result.meta} markdown={result.body.markdown} />
        <MarkdownView markdown={result.body.markdown} />
      </RunbookContext.Provider>
    </MemoryRouter>,
  );
}

describe('<NAME> placeholders declared in front matter variables:', () => {
  it('offers the declared placeholder with its description and example, and fills only it in the command', async () => {
    const incident = await startIncident(db, { name: 'Wrong ban', severity: 'SEV3' });
    const { container } = await openRunbook();

    const field = await screen.findByLabelText('Value of USER_ID');
    expect(field.getAttribute('placeholder')).toBe('e.g. 41245072');
    expect(container.querySelector('.rr-runbook-incident-values')?.textContent).toContain('Twitch user id of the banned user');
    // Labelled as the runbook writes it, so it matches what the command shows.
    expect(container.querySelector('.rr-runbook-incident-values label code')?.textContent).toBe('<USER_ID>');
    expect(container.querySelector('.rr-runbook-incident-values summary')?.textContent).toContain('0 of 1 filled');
    // Undeclared <POD> and HTML-looking <br> are code, not placeholders.
    await waitFor(() => expect(container.querySelector('mark.rr-placeholder-empty')?.textContent).toBe('<USER_ID>'));
    expect(container.querySelectorAll('mark.rr-placeholder')).toHaveLength(1);

    await userEvent.type(field, '987 && id{Enter}');
    await waitFor(() => expect(container.querySelector('mark.rr-placeholder-filled')?.textContent).toBe('987 && id'));
    expect((await openIncident(db))?.values).toEqual({ USER_ID: '987 && id' });
    expect(container.querySelector('pre code')?.textContent).toBe(
      'curl -X DELETE "$API/bans/987 && id" # <POD> and <br> are not declared\n',
    );

    // Closing the incident clears its values: the command shows the placeholder again.
    await closeIncident(db, incident.id);
    await waitFor(() => expect(container.querySelector('mark.rr-placeholder-filled')).toBeNull());
    expect(container.querySelector('pre code')?.textContent).toContain('$API/bans/<USER_ID>"');
  });
});
