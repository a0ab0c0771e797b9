import { useEffect, useRef } from 'react';
import { liveQuery } from 'dexie';
import type { ChecklistProgress } from '../../core/cache/runbookDatabase';
import { recordIncidentEvent } from '../../core/incident/incidentStore';
import { db } from '../app/database';
import { useOpenIncident } from './useOpenIncident';

/**
 * While an incident is open, writes to its timeline what the user does elsewhere in the app: steps ticked
 * and unticked (by watching the checklists table, so the checklist code needs no incident knowledge) and
 * runbooks opened (by watching "recently opened"), with the source's commit of what was read. Bookmarks
 * used are recorded by the controls that open them (`recordBookmarkUsed`).
 */
export function IncidentRecorder() {
  const incident = useOpenIncident();
  const incidentId = incident?.id;
  const ticks = useRef<Map<string, Map<string, string>> | undefined>(undefined);
  const lastHistoryId = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (incidentId === undefined) return;
    ticks.current = undefined;
    let historySeen = false;
    const checklists = liveQuery(() => db.checklists.toArray()).subscribe({
      next: (rows) => void recordTickChanges(rows),
      error: () => undefined,
    });
    const history = liveQuery(() => db.history.orderBy('id').last()).subscribe({
      next: (entry) => {
        const first = !historySeen;
        historySeen = true;
        const previous = lastHistoryId.current;
        lastHistoryId.current = entry?.id;
        // The entry already there when recording began was opened before; only later ones are this incident's.
        if (first || entry?.id === undefined || entry.id === previous) return;
        void (async () => {
          const source = await db.sources.get(entry.sourceId);
          await recordIncidentEvent(db, {
            kind: 'opened',
            text: entry.title,
            sourceId: entry.sourceId,
            path: entry.path,
            commit: source?.version,
          });
        })();
      },
      error: () => undefined,
    });
    return () => {
      checklists.unsubscribe();
      history.unsubscribe();
      lastHistoryId.current = undefined;
    };

    async function recordTickChanges(rows: ChecklistProgress[]) {
      // Step key → what the step said, per runbook: an unticked step's text is only in the previous snapshot.
      const now = new Map(
        rows.map((r) => [`${r.sourceId}|${r.path}`, new Map(r.done.map((k) => [k, r.ticked?.find((t) => t.key === k)?.text ?? k]))]),
      );
      const before = ticks.current;
      ticks.current = now;
      if (!before) return;
      for (const row of rows) {
        const key = `${row.sourceId}|${row.path}`;
        const was = before.get(key) ?? new Map<string, string>();
        const is = now.get(key)!;
        const where = { sourceId: row.sourceId, path: row.path };
        for (const [step, text] of is) if (!was.has(step)) await recordIncidentEvent(db, { kind: 'ticked', text, ...where });
        for (const [step, text] of was) if (!is.has(step)) await recordIncidentEvent(db, { kind: 'unticked', text, ...where });
      }
    }
  }, [incidentId]);
  return null;
}
