import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatLogTime, incidentJson, incidentMarkdown, timelineOrder } from '../../core/incident/exportIncident';
import { SEVERITIES, type Incident, type Severity } from '../../core/incident/incidentModel';
import {
  addIncidentNote,
  closeIncident,
  deleteIncident,
  incidentEvents,
  listIncidents,
  startIncident,
} from '../../core/incident/incidentStore';
import { latestTimeOfDay } from '../../core/incident/noteTime';
import type { RunbookVariable } from '../../core/incident/runbookVariable';
import { db } from '../app/database';
import { saveUserData } from '../app/userDataWrites';
import { IncidentValues } from './IncidentValues';
import { useOpenIncident } from './useOpenIncident';
import './incident.css';

/**
 * Route `/incident`: start an incident (name, optional alert, severity), fill its placeholder values, add
 * notes, read its timeline, export it (Markdown for the postmortem, JSON), close it; past incidents stay
 * listed until deleted.
 */
export function IncidentPage() {
  const incident = useOpenIncident();
  const past = useLiveQuery(async () => (await listIncidents(db)).filter((i) => i.state === 'closed'), []);
  if (incident === undefined) return <p className="rr-loading">Opening incidents…</p>;
  return (
    <div className="rr-page rr-incident-page">
      <h1>Incident</h1>
      {incident ? <OpenIncident incident={incident} /> : <StartForm />}
      <h2>Past incidents</h2>
      {past && past.length === 0 && <p className="rr-incident-hint">None kept on this device.</p>}
      <ul className="rr-incident-past">
        {past?.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>{' '}
            <span className="rr-incident-hint">
              {p.severity}, started {formatLogTime(p.startedAt)}
            </span>
            <ExportButtons incident={p} />
            <button
              type="button"
              className="rr-button"
              onClick={() => {
                if (window.confirm(`Delete the log of "${p.name}" from this device?`))
                  saveUserData('the deletion', deleteIncident(db, p.id));
              }}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function StartForm() {
  const [params] = useSearchParams();
  const [name, setName] = useState('');
  const [alert, setAlert] = useState(params.get('alert') ?? '');
  const [severity, setSeverity] = useState<Severity>('SEV2');
  return (
    <form
      aria-label="Start incident"
      onSubmit={(e) => {
        e.preventDefault();
        saveUserData('the incident', startIncident(db, { name: name || alert || 'Incident', alert, severity }));
      }}
    >
      <p className="rr-incident-hint">
        Starting an incident records steps ticked, runbooks opened and your notes with their times, and lets you fill placeholders in
        commands once. Everything stays on this device.
      </p>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Ban sync lagging in eu-1" autoComplete="off" />
      </label>
      <label>
        Alert <span className="rr-incident-hint">(optional)</span>
        <input
          value={alert}
          onChange={(e) => setAlert(e.target.value)}
          placeholder="HighBanSyncLag"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label>
        Severity
        <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <div>
        <button type="submit" className="rr-button rr-button-primary">
          Start incident
        </button>
      </div>
    </form>
  );
}

function OpenIncident({ incident }: { incident: Incident }) {
  const events = useLiveQuery(() => incidentEvents(db, incident.id), [incident.id]);
  const variables = useLiveQuery(async () => {
    // The placeholders the runbooks opened in this incident declare, with their descriptions.
    const opened = new Map(
      (events ?? []).filter((e) => e.kind === 'opened' && e.sourceId && e.path).map((e) => [`${e.sourceId}|${e.path}`, e]),
    );
    const found = new Map<string, RunbookVariable>();
    for (const e of opened.values()) {
      const runbook = await db.runbooks.get([e.sourceId!, e.path!]);
      for (const v of runbook?.variables ?? []) if (!found.has(v.name)) found.set(v.name, v);
    }
    return [...found.values()];
  }, [events]);
  const [note, setNote] = useState('');
  const [noteTime, setNoteTime] = useState('');

  return (
    <>
      <div className="rr-incident-banner" role="status">
        <strong>Open: {incident.name}</strong> · {incident.severity}
        {incident.alert ? ` · alert ${incident.alert}` : ''} · since {formatLogTime(incident.startedAt)}
      </div>
      <section className="rr-incident-section" aria-labelledby="rr-incident-values">
        <h2 id="rr-incident-values">Values for this incident</h2>
        <p className="rr-incident-hint">Commands in every runbook show and copy these values in place of their placeholders.</p>
        <IncidentValues incident={incident} variables={variables ?? []} allowOther />
      </section>
      <section className="rr-incident-section" aria-labelledby="rr-incident-note">
        <h2 id="rr-incident-note">Add a note</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const at = noteTime ? latestTimeOfDay(noteTime, new Date()) : undefined;
            saveUserData('the note', addIncidentNote(db, incident.id, note, at));
            setNote('');
            setNoteTime('');
          }}
        >
          <label>
            Note
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
          </label>
          <label>
            Happened at <span className="rr-incident-hint">(optional, an earlier time, up to a day back; default now)</span>
            <input type="time" value={noteTime} onChange={(e) => setNoteTime(e.target.value)} />
          </label>
          <div>
            <button type="submit" className="rr-button" disabled={note.trim() === ''}>
              Add note
            </button>
          </div>
        </form>
      </section>
      <section className="rr-incident-section" aria-labelledby="rr-incident-timeline">
        <h2 id="rr-incident-timeline">Timeline</h2>
        <ol className="rr-incident-timeline">
          {timelineOrder(events ?? []).map((e) => (
            <li key={e.id}>
              {/* The date only for events on another day than the start (a note about the evening before). */}
              <time dateTime={e.at}>
                {e.at.slice(0, 10) === incident.startedAt.slice(0, 10) ? formatLogTime(e.at).slice(11) : formatLogTime(e.at)}
              </time>
              {describe(e.kind)} {e.text}
              {e.path && e.kind !== 'opened' ? <span className="rr-incident-hint"> ({e.path})</span> : null}
            </li>
          ))}
        </ol>
        <div className="rr-toolbar">
          <ExportButtons incident={incident} />
          <button
            type="button"
            className="rr-button"
            onClick={() => {
              if (window.confirm('Close this incident? Its values are cleared; its log is kept.'))
                saveUserData('closing', closeIncident(db, incident.id));
            }}
          >
            Close incident
          </button>
        </div>
      </section>
    </>
  );
}

function ExportButtons({ incident }: { incident: Incident }) {
  const download = async (kind: 'md' | 'json') => {
    const events = await incidentEvents(db, incident.id);
    const text = kind === 'md' ? incidentMarkdown(incident, events) : incidentJson(incident, events);
    const url = URL.createObjectURL(new Blob([text], { type: kind === 'md' ? 'text/markdown' : 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `incident-${incident.startedAt.slice(0, 10)}-${incident.name.replace(/[^\w-]+/g, '-').slice(0, 40)}.${kind}`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <button type="button" className="rr-button" onClick={() => void download('md')} aria-label={`Export ${incident.name} as Markdown`}>
        Export Markdown
      </button>
      <button type="button" className="rr-button" onClick={() => void download('json')} aria-label={`Export ${incident.name} as JSON`}>
        Export JSON
      </button>
    </>
  );
}

function describe(kind: string): string {
  return (
    {
      started: 'Started',
      opened: 'Opened',
      bookmark: 'Used bookmark',
      ticked: 'Ticked',
      unticked: 'Unticked',
      variable: 'Set',
      note: 'Note:',
      closed: 'Closed',
    }[kind] ?? kind
  );
}
