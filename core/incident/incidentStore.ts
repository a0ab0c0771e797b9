import type { RunbookDatabase } from '../cache/runbookDatabase';
import type { Incident, IncidentEvent, Severity } from './incidentModel';

export const MAX_INCIDENT_NAME_LENGTH = 200;
export const MAX_NOTE_LENGTH = 10_000;
export const MAX_VALUE_LENGTH = 4_096;

export type StartIncident = { name: string; alert?: string | undefined; severity: Severity };

/** The open incident, if any (there is at most one). */
export async function openIncident(db: RunbookDatabase): Promise<Incident | undefined> {
  return db.incidents.where('state').equals('open').first();
}

/** Starts an incident; an incident already open is closed first, so there is never more than one. */
export async function startIncident(db: RunbookDatabase, start: StartIncident, now = new Date(), id = randomId()): Promise<Incident> {
  const name = start.name.trim().slice(0, MAX_INCIDENT_NAME_LENGTH) || 'Incident';
  const incident: Incident = { id, name, severity: start.severity, startedAt: now.toISOString(), state: 'open', values: {} };
  const alert = start.alert?.trim();
  if (alert) incident.alert = alert.slice(0, MAX_INCIDENT_NAME_LENGTH);
  await db.transaction('rw', db.incidents, db.incidentEvents, async () => {
    const open = await openIncident(db);
    if (open) await closeIncidentIn(db, open, now);
    await db.incidents.add(incident);
    await db.incidentEvents.add({
      incidentId: id,
      at: incident.startedAt,
      kind: 'started',
      text: `${name} (${start.severity}${incident.alert ? `, alert ${incident.alert}` : ''})`,
    });
  });
  return incident;
}

/** Closes the incident: its placeholder values are cleared, its timeline kept. */
export async function closeIncident(db: RunbookDatabase, id: string, now = new Date()): Promise<void> {
  await db.transaction('rw', db.incidents, db.incidentEvents, async () => {
    const incident = await db.incidents.get(id);
    if (incident?.state === 'open') await closeIncidentIn(db, incident, now);
  });
}

async function closeIncidentIn(db: RunbookDatabase, incident: Incident, now: Date): Promise<void> {
  await db.incidents.update(incident.id, { state: 'closed', endedAt: now.toISOString(), values: {} });
  await db.incidentEvents.add({ incidentId: incident.id, at: now.toISOString(), kind: 'closed', text: '' });
}

/** Records one event of the open incident (nothing when none is open). */
export async function recordIncidentEvent(
  db: RunbookDatabase,
  event: Omit<IncidentEvent, 'incidentId' | 'at' | 'id'>,
  now = new Date(),
): Promise<void> {
  const open = await openIncident(db);
  if (open) await db.incidentEvents.add({ ...event, incidentId: open.id, at: now.toISOString() });
}

/** A note; `at` may be earlier than now (something done before the app was opened), never later. */
export async function addIncidentNote(db: RunbookDatabase, id: string, text: string, at?: Date, now = new Date()): Promise<void> {
  const note = text.trim().slice(0, MAX_NOTE_LENGTH);
  if (note === '') return;
  const when = at && at.getTime() < now.getTime() ? at : now;
  const event: IncidentEvent = { incidentId: id, at: when.toISOString(), kind: 'note', text: note };
  if (when !== now) event.writtenAt = now.toISOString();
  await db.incidentEvents.add(event);
}

/** Sets (or, with an empty value, clears) a placeholder value of the open incident. The log names the variable only. */
export async function setIncidentValue(db: RunbookDatabase, id: string, name: string, value: string, now = new Date()): Promise<void> {
  await db.transaction('rw', db.incidents, db.incidentEvents, async () => {
    const incident = await db.incidents.get(id);
    if (incident?.state !== 'open') return;
    const values = { ...incident.values };
    const previous = values[name];
    if (value === '') delete values[name];
    else values[name] = value.slice(0, MAX_VALUE_LENGTH);
    if (previous === values[name]) return;
    await db.incidents.update(id, { values });
    await db.incidentEvents.add({
      incidentId: id,
      at: now.toISOString(),
      kind: 'variable',
      text: value === '' ? `${name} (cleared)` : name,
    });
  });
}

export async function incidentEvents(db: RunbookDatabase, id: string): Promise<IncidentEvent[]> {
  return db.incidentEvents.where('[incidentId+at]').between([id, ''], [id, '\uffff']).toArray();
}

/** Past and open incidents, newest first. */
export async function listIncidents(db: RunbookDatabase): Promise<Incident[]> {
  return (await db.incidents.orderBy('startedAt').toArray()).reverse();
}

export async function deleteIncident(db: RunbookDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.incidents, db.incidentEvents, async () => {
    await db.incidentEvents.where('incidentId').equals(id).delete();
    await db.incidents.delete(id);
  });
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}
