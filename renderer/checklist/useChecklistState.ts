import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { CachedRunbook } from '../../core/cache/runbookDatabase';
import type { RunbookBody } from '../../core/model';
import { carryTicks, readSavedTicks, resetChecklist, setStepDone, type SavedTicks } from '../../core/userdata/checklistProgress';
import { checklistModeOf, type ChecklistStep } from '../../core/userdata/checklistSteps';
import { db } from '../app/database';
import { saveUserData } from '../app/userDataWrites';
import type { ChecklistState } from './ChecklistContext';

export interface ChecklistSummary extends ChecklistState {
  total: number;
  doneCount: number;
  /** Ticked steps whose text changed upstream since they were ticked. */
  changedCount: number;
  reset: () => void;
}

interface PendingTick {
  key: string;
  done: boolean;
  base: SavedTicks | undefined;
}

/**
 * Steps of the runbook and the saved progress on them (IndexedDB, so it survives reloads and restarts).
 * A tick shows at once; the saved state replaces it as soon as the write is read back. Ticks carry over
 * syncs (see `carryTicks`): a reworded step keeps its tick, marked "changed since ticked".
 */
export function useChecklistState(meta: CachedRunbook, body: RunbookBody): ChecklistSummary {
  const { sourceId, path } = meta;
  const steps = useSteps(meta, body);
  const saved = useLiveQuery(() => readSavedTicks(db, sourceId, path), [sourceId, path]);
  const [pending, setPending] = useState<PendingTick[]>([]);

  const ticks = useMemo(() => {
    const done = new Set(saved?.done ?? []);
    // Only ticks made since the last saved state was read apply on top of it.
    for (const p of pending) {
      if (p.base !== saved) continue;
      if (p.done) done.add(p.key);
      else done.delete(p.key);
    }
    return carryTicks(steps, { done, ticked: saved?.ticked ?? new Map() });
  }, [steps, saved, pending]);

  return useMemo(() => {
    let changedCount = 0;
    for (const tick of ticks.values()) if (tick.changedSinceTicked) changedCount++;
    return {
      stepsByLine: new Map(steps.map((s) => [s.line, s])),
      ticks,
      total: steps.length,
      doneCount: ticks.size,
      changedCount,
      setDone: (step: ChecklistStep, value: boolean) => {
        // Unticking removes the saved tick that shows, which may be one made on the step's earlier wording.
        const key = value ? step.key : (ticks.get(step.key)?.tickedKey ?? step.key);
        const tick: PendingTick = { key, done: value, base: saved };
        setPending((list) => [...list.filter((p) => p.base === saved), tick]);
        const write = setStepDone(db, sourceId, path, value ? step : key, value).catch((error: unknown) => {
          // A tick that was not saved must not look saved.
          setPending((list) => list.filter((p) => p !== tick));
          throw error;
        });
        saveUserData(value ? 'the tick on this step' : 'unticking this step', write);
      },
      reset: () => {
        setPending([]);
        saveUserData('resetting the steps', resetChecklist(db, sourceId, path));
      },
    };
  }, [steps, ticks, saved, sourceId, path]);
}

const NO_STEPS: ChecklistStep[] = [];

/**
 * The steps ingest read. Only a body cached by an older app has none: it is read here, with the Markdown
 * parser loaded for it (the app's main chunk goes without it); the page has no checklist meanwhile.
 */
function useSteps(meta: CachedRunbook, body: RunbookBody): ChecklistStep[] {
  const [read, setRead] = useState<{ body: RunbookBody; steps: ChecklistStep[] }>();
  const { headings, extra } = meta;
  useEffect(() => {
    if (body.steps) return;
    let current = true;
    import('../../core/userdata/checklistStepsOfMarkdown').then(
      ({ listChecklistSteps }) => {
        if (current)
          setRead({ body, steps: stepsOrNone(() => listChecklistSteps(body.markdown, headings, body.bodyLine, checklistModeOf(extra))) });
      },
      (error: unknown) => console.warn('The checklist steps of this runbook could not be read:', error),
    );
    return () => {
      current = false;
    };
  }, [body, headings, extra]);
  return body.steps ?? (read?.body === body ? read.steps : NO_STEPS);
}

/** A runbook whose Markdown defeats the step reader still reads: the page then simply has no checklist. */
function stepsOrNone(list: () => ChecklistStep[]): ChecklistStep[] {
  try {
    return list();
  } catch (error) {
    console.warn('The checklist steps of this runbook could not be read:', error);
    return [];
  }
}
