// @vitest-environment jsdom
import '../support/domTest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { incidentEvents, listIncidents, openIncident } from '../../../core/incident/incidentStore';
import { db } from '../../../renderer/app/database';
import { IncidentPage } from '../../../renderer/incident/IncidentPage';

/** What the page hands the browser to download, by file name. */
let downloads: Map<string, Blob>;

beforeEach(() => {
  downloads = new Map();
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  // jsdom cannot download: keep what the link would have saved.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.set(this.download, blobs.get(this.href)!);
  });
  vi.spyOn(window, 'confirm').mockReturnValue(true);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** jsdom's Blob has no text(); its FileReader reads it. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(blob);
  });
}

function show() {
  return render(
    <MemoryRouter initialEntries={['/incident']}>
      <IncidentPage />
    </MemoryRouter>,
  );
}

async function start(user: ReturnType<typeof userEvent.setup>, name: string, alert: string, severity: string) {
  await user.type(await screen.findByLabelText('Name'), name);
  if (alert) await user.type(screen.getByLabelText(/^Alert/), alert);
  await user.selectOptions(screen.getByLabelText('Severity'), severity);
  await user.click(screen.getByRole('button', { name: 'Start incident' }));
  await screen.findByText(`Open: ${name}`);
}

describe('the incident page', () => {
  it('starts an incident with its alert and severity, keeps values until it is closed, and exports it as JSON', async () => {
    const user = userEvent.setup();
    show();
    await start(user, 'Bans not reaching Twitch', 'HighBanSyncLag', 'SEV1');
    expect(screen.getByRole('status').textContent).toContain('SEV1 · alert HighBanSyncLag');

    // Typed as written in code, `{{cluster}}` (user-event types `{{` as one brace).
    await user.type(screen.getByLabelText(/^Another placeholder/), '{{{{cluster}}');
    await user.click(screen.getByRole('button', { name: 'Add placeholder' }));
    await user.type(screen.getByLabelText('Value of cluster'), 'prod-eu; $(reboot){Enter}');
    await waitFor(async () => expect((await openIncident(db))?.values).toEqual({ cluster: 'prod-eu; $(reboot)' }));
    await user.type(screen.getByLabelText('Note', { exact: true }), 'Paged by PagerDuty');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect((await screen.findByText(/Paged by PagerDuty/)).closest('ol')?.className).toBe('rr-incident-timeline');

    await user.click(screen.getByRole('button', { name: 'Export Bans not reaching Twitch as JSON' }));
    const [[file, blob]] = [...downloads] as [[string, Blob]];
    expect(file).toMatch(/^incident-\d{4}-\d\d-\d\d-Bans-not-reaching-Twitch\.json$/);
    const text = await textOf(blob);
    const json = JSON.parse(text) as {
      format: string;
      incident: Record<string, unknown>;
      timeline: { kind: string; text: string }[];
    };
    expect(json.format).toBe('runbook-reader-incident');
    expect(json.incident).toMatchObject({ name: 'Bans not reaching Twitch', alert: 'HighBanSyncLag', severity: 'SEV1', state: 'open' });
    expect(json.timeline.map((e) => [e.kind, e.text])).toEqual([
      ['started', 'Bans not reaching Twitch (SEV1, alert HighBanSyncLag)'],
      ['variable', 'cluster'],
      ['note', 'Paged by PagerDuty'],
    ]);
    // The value stays on the device: not in the export.
    expect(text).not.toContain('reboot');

    await user.click(screen.getByRole('button', { name: 'Close incident' }));
    await screen.findByRole('button', { name: 'Start incident' });
    const [closed] = await listIncidents(db);
    expect(closed).toMatchObject({ state: 'closed', values: {} });
    expect((await incidentEvents(db, closed!.id)).map((e) => e.kind)).toEqual(['started', 'variable', 'note', 'closed']);
  });

  it('places a note at an earlier time the user gives, the evening before when that time has not come yet today', async () => {
    // Only the clock is fixed (noon on this device's calendar); timers run, so the page and user-event work as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 5, 12, 0));
    const user = userEvent.setup();
    show();
    await start(user, 'Overnight', '', 'SEV2');
    await user.type(screen.getByLabelText('Note', { exact: true }), 'Restarted the worker before opening the app');
    await user.type(screen.getByLabelText(/^Happened at/), '23:50');
    await user.click(screen.getByRole('button', { name: 'Add note' }));

    const evening = new Date(2026, 11, 4, 23, 50).toISOString();
    const note = (await screen.findByText(/Restarted the worker/)).querySelector('time')!;
    expect(note.dateTime).toBe(evening);
    // Shown with its date when that is not the day the incident started (in UTC, as the log is written).
    const startedAt = (await openIncident(db))!.startedAt;
    const time = `${evening.slice(11, 19)}Z`;
    expect(note.textContent).toBe(evening.slice(0, 10) === startedAt.slice(0, 10) ? time : `${evening.slice(0, 10)} ${time}`);
    // The timeline is in time order: the note comes before the start.
    const items = [...document.querySelectorAll('.rr-incident-timeline li')].map((li) => li.textContent);
    expect(items[0]).toContain('Restarted the worker');
    expect(items[1]).toContain('Started Overnight');
  });

  it('keeps several past incidents listed until each is deleted', async () => {
    const user = userEvent.setup();
    show();
    await start(user, 'First', '', 'SEV3');
    await user.click(screen.getByRole('button', { name: 'Close incident' }));
    await start(user, 'Second', '', 'SEV4');
    await user.click(screen.getByRole('button', { name: 'Close incident' }));

    const past = () => screen.getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent);
    await waitFor(() => expect(past()).toEqual(['Second', 'First']));
    const first = screen.getAllByRole('listitem')[1]!;
    await user.click(within(first).getByRole('button', { name: 'Delete' }));
    expect(window.confirm).toHaveBeenCalledWith('Delete the log of "First" from this device?');
    await waitFor(() => expect(past()).toEqual(['Second']));
    expect((await listIncidents(db)).map((i) => i.name)).toEqual(['Second']);
  });
});
