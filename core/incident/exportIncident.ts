import type { Incident, IncidentEvent } from './incidentModel';

/** Timeline order: by time, then by the order they were recorded. */
export function timelineOrder(events: readonly IncidentEvent[]): IncidentEvent[] {
  return [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (a.id ?? 0) - (b.id ?? 0)));
}

/** `2026-12-05 06:20:31Z`: UTC, so a postmortem from several people's logs lines up. */
export function formatLogTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
}

const VERB: Record<IncidentEvent['kind'], string> = {
  started: 'Incident started',
  opened: 'Opened',
  bookmark: 'Used bookmark',
  ticked: 'Ticked',
  unticked: 'Unticked',
  variable: 'Set value of',
  note: 'Note',
  closed: 'Incident closed',
};

/**
 * The incident as a Markdown timeline to paste into a postmortem: a header, one bullet per event (time,
 * what was opened with its commit, which steps were ticked, notes), and the runbook versions read. Variable
 * values are not in it: they stay on the device and are cleared when the incident closes.
 */
export function incidentMarkdown(incident: Incident, events: readonly IncidentEvent[]): string {
  const lines = [`# Incident: ${oneLine(incident.name)}`, ''];
  lines.push(`- Severity: ${incident.severity}`);
  if (incident.alert) lines.push(`- Alert: ${oneLine(incident.alert)}`);
  lines.push(`- Started: ${formatLogTime(incident.startedAt)}`);
  lines.push(`- Ended: ${incident.endedAt ? formatLogTime(incident.endedAt) : 'still open'}`);
  lines.push('', '## Timeline', '');
  for (const event of timelineOrder(events)) lines.push(`- ${formatLogTime(event.at)} ${describeEvent(event)}`);
  const read = runbooksRead(events);
  if (read.length > 0) {
    lines.push('', '## Runbooks read', '');
    for (const r of read) lines.push(`- ${r.path} (${r.sourceId}${r.commit ? `, ${r.commit.slice(0, 12)}` : ''})`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same incident as data, for tools. */
export function incidentJson(incident: Incident, events: readonly IncidentEvent[]): string {
  const { values: _values, ...rest } = incident;
  const timeline = timelineOrder(events).map(({ id: _id, incidentId: _incidentId, ...event }) => event);
  return `${JSON.stringify({ format: 'runbook-reader-incident', version: 1, incident: rest, timeline, runbooksRead: runbooksRead(events) }, null, 2)}\n`;
}

function describeEvent(event: IncidentEvent): string {
  const text = oneLine(event.text);
  switch (event.kind) {
    case 'opened':
      return `${VERB.opened} ${text} (${event.path ?? ''}${event.commit ? ` @ ${event.commit.slice(0, 12)}` : ''})`;
    case 'ticked':
    case 'unticked':
      return `${VERB[event.kind]} "${text}"${event.path ? ` in ${event.path}` : ''}`;
    case 'note':
      return `${VERB.note}: ${text}${event.writtenAt ? ` (written ${formatLogTime(event.writtenAt)})` : ''}`;
    case 'bookmark':
      return `${VERB.bookmark} "${text}"${event.path ? ` (${event.path}${event.anchor ? `#${event.anchor}` : ''})` : ''}`;
    case 'variable':
      return `${VERB.variable} ${text}`;
    default:
      return text === '' ? VERB[event.kind] : `${VERB[event.kind]}: ${text}`;
  }
}

function runbooksRead(events: readonly IncidentEvent[]): { sourceId: string; path: string; commit?: string | undefined }[] {
  const seen = new Map<string, { sourceId: string; path: string; commit?: string | undefined }>();
  for (const e of events) {
    if (e.kind !== 'opened' || e.sourceId === undefined || e.path === undefined) continue;
    const key = `${e.sourceId}|${e.path}|${e.commit ?? ''}`;
    if (!seen.has(key)) seen.set(key, { sourceId: e.sourceId, path: e.path, commit: e.commit });
  }
  return [...seen.values()];
}

/** Line breaks in user text would break the Markdown list. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
