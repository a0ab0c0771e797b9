import type { ChecklistProgress, RunbookDatabase, TickedStep } from '../cache/runbookDatabase';
import { normaliseStepText, type ChecklistStep } from './checklistSteps';

export type { ChecklistProgress, TickedStep };

/** The saved ticks of one runbook: the keys, and what each ticked step said when it was ticked. */
export interface SavedTicks {
  done: ReadonlySet<string>;
  /** By key; absent for ticks saved before the app kept the text. */
  ticked: ReadonlyMap<string, TickedStep>;
}

export async function readChecklist(db: RunbookDatabase, sourceId: string, path: string): Promise<Set<string>> {
  const row = await db.checklists.get([sourceId, path]);
  return new Set(row?.done ?? []);
}

export async function readSavedTicks(db: RunbookDatabase, sourceId: string, path: string): Promise<SavedTicks> {
  const row = await db.checklists.get([sourceId, path]);
  return { done: new Set(row?.done ?? []), ticked: new Map((row?.ticked ?? []).map((t) => [t.key, t])) };
}

/**
 * Ticks or unticks a step. Given the step itself (not only its key), the tick remembers the step's text,
 * section and position, so a later version that rewords the step can still show it ticked, marked as changed.
 */
export async function setStepDone(
  db: RunbookDatabase,
  sourceId: string,
  path: string,
  step: string | Pick<ChecklistStep, 'key' | 'text' | 'section' | 'ordinal'>,
  done: boolean,
  now = new Date(),
): Promise<void> {
  const key = typeof step === 'string' ? step : step.key;
  await db.transaction('rw', db.checklists, async () => {
    const row = await db.checklists.get([sourceId, path]);
    const keys = new Set(row?.done ?? []);
    const ticked = (row?.ticked ?? []).filter((t) => t.key !== key);
    if (done) {
      keys.add(key);
      if (typeof step !== 'string') ticked.push({ key, text: step.text, section: step.section, ordinal: step.ordinal });
    } else keys.delete(key);
    await db.checklists.put({
      sourceId,
      path,
      done: [...keys],
      ticked: ticked.filter((t) => keys.has(t.key)),
      updatedAt: now.toISOString(),
    });
  });
}

export async function resetChecklist(db: RunbookDatabase, sourceId: string, path: string): Promise<void> {
  await db.checklists.delete([sourceId, path]);
}

/** Counts ticked steps among those the current version of the runbook still has. */
export function countDone(stepKeys: readonly string[], done: ReadonlySet<string>): number {
  return stepKeys.reduce((n, key) => n + (done.has(key) ? 1 : 0), 0);
}

/** How a step of the version on screen stands, given the saved ticks. */
export interface StepTick {
  /** The saved key that ticks it (unticking removes this one). */
  tickedKey: string;
  /** Set when the step was ticked with other words: what it said then. */
  changedSinceTicked?: { textWhenTicked: string } | undefined;
}

/**
 * Carries saved ticks over to the steps of the version on screen, so a sync never silently unticks one:
 * - a step whose key was ticked is ticked (same section, same text);
 * - a tick whose step moved to another section with the same text follows it;
 * - a tick whose step was reworded stays on it, marked "changed since ticked" with the words that were
 *   ticked: the step of the same section that reads most like the ticked words, else the step now at the
 *   same place in the same section (steps inserted or ticked above it do not make the tick vanish).
 * A tick whose step is gone (its section gone too) shows nowhere and counts for nothing.
 */
export function carryTicks(steps: readonly ChecklistStep[], saved: SavedTicks): Map<string, StepTick> {
  const result = new Map<string, StepTick>();
  const used = new Set<string>();
  for (const step of steps) {
    if (saved.done.has(step.key)) {
      result.set(step.key, { tickedKey: step.key });
      used.add(step.key);
    }
  }
  const leftOver = [...saved.ticked.values()].filter((t) => saved.done.has(t.key) && !used.has(t.key));
  if (leftOver.length === 0) return result;
  const free = () => steps.filter((s) => !result.has(s.key));
  for (const tick of leftOver) {
    const sameText = free().find((s) => normaliseStepText(s.text) === normaliseStepText(tick.text));
    if (sameText) {
      result.set(sameText.key, { tickedKey: tick.key });
      used.add(tick.key);
    }
  }
  const keepReworded = (tick: TickedStep, step: ChecklistStep | undefined) => {
    if (!step) return;
    result.set(step.key, { tickedKey: tick.key, changedSinceTicked: { textWhenTicked: tick.text } });
    used.add(tick.key);
  };
  for (const tick of leftOver) {
    if (used.has(tick.key)) continue;
    keepReworded(tick, mostAlike(tick, free()));
  }
  for (const tick of leftOver) {
    if (used.has(tick.key)) continue;
    keepReworded(
      tick,
      free().find((s) => s.section === tick.section && s.ordinal === tick.ordinal),
    );
  }
  return result;
}

/** How much of the ticked words a step still says: the share of them it keeps, then Dice over both. */
function likeness(ticked: string, now: string): { kept: number; overlap: number } {
  const words = (text: string) => new Set(normaliseStepText(text).match(/[\p{L}\p{N}_-]+/gu) ?? []);
  const before = words(ticked);
  const after = words(now);
  if (before.size === 0 || after.size === 0) return { kept: 0, overlap: 0 };
  let shared = 0;
  for (const word of before) if (after.has(word)) shared++;
  return { kept: shared / before.size, overlap: (2 * shared) / (before.size + after.size) };
}

/** How much of the ticked words a reworded step must keep to carry the tick on its text alone. */
const REWORDED_KEEPS = 0.5;

/**
 * The step of the tick's section that keeps most of the ticked words (then: reads most alike overall, then
 * sits nearest the tick's old place), when it keeps enough of them.
 */
function mostAlike(tick: TickedStep, candidates: readonly ChecklistStep[]): ChecklistStep | undefined {
  let best: { step: ChecklistStep; kept: number; overlap: number; distance: number } | undefined;
  for (const step of candidates) {
    if (step.section !== tick.section) continue;
    const { kept, overlap } = likeness(tick.text, step.text);
    if (kept < REWORDED_KEEPS) continue;
    const distance = Math.abs(step.ordinal - tick.ordinal);
    const better =
      !best ||
      kept > best.kept ||
      (kept === best.kept && (overlap > best.overlap || (overlap === best.overlap && distance < best.distance)));
    if (better) best = { step, kept, overlap, distance };
  }
  return best?.step;
}
