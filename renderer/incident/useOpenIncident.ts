import { useLiveQuery } from 'dexie-react-hooks';
import type { Incident } from '../../core/incident/incidentModel';
import { openIncident } from '../../core/incident/incidentStore';
import { db } from '../app/database';

/** The open incident (live), null when none is open, undefined while loading. */
export function useOpenIncident(): Incident | null | undefined {
  return useLiveQuery(async () => (await openIncident(db)) ?? null, []);
}
