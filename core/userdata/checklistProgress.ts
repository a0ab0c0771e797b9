import type { ChecklistProgress, RunbookDatabase } from '../cache/runbookDatabase';

export type { ChecklistProgress };

export async function readChecklist(db: RunbookDatabase, sourceId: string, path: string): Promise<Set<string>> {
  const row = await db.checklists.get([sourceId, path]);
  return new Set(row?.done ?? []);
}

export async function setStepDone(
  db: RunbookDatabase,
  sourceId: string,
  path: string,
  key: string,
  done: boolean,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.checklists, async () => {
    const row = await db.checklists.get([sourceId, path]);
    const keys = new Set(row?.done ?? []);
    if (done) keys.add(key);
    else keys.delete(key);
    await db.checklists.put({ sourceId, path, done: [...keys], updatedAt: now.toISOString() });
  });
}

export async function resetChecklist(db: RunbookDatabase, sourceId: string, path: string): Promise<void> {
  await db.checklists.delete([sourceId, path]);
}

/** Counts ticked steps among those the current version of the runbook still has. */
export function countDone(stepKeys: readonly string[], done: ReadonlySet<string>): number {
  return stepKeys.reduce((n, key) => n + (done.has(key) ? 1 : 0), 0);
}
