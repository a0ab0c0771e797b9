/**
 * A small JSON object kept in one file of the app's data folder (tokens, source settings): read whole,
 * replaced whole and atomically, with read-modify-write cycles run one after the other.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The file's top-level object; an absent, unreadable or non-object file reads as empty (replaced on the
 * next write). The object has no prototype, so a key such as `__proto__` (ids come from the page) is a
 * key like any other.
 */
export async function readJsonObject(filePath: string): Promise<Record<string, unknown>> {
  const empty = Object.create(null) as Record<string, unknown>;
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch {
    return empty;
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return empty;
    return Object.assign(empty, data);
  } catch {
    return empty;
  }
}

/** Writes the object readable by this OS user only; a crash mid-write never leaves a half-written file. */
export async function writeJsonObject(filePath: string, data: Record<string, unknown>): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, filePath);
}

/** Runs tasks one after the other, so two quick calls cannot lose each other's change. */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
}
