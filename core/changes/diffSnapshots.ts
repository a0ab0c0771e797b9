/** One file as a snapshot lists it: where it is and what its content is (blob id). */
export interface SnapshotEntry {
  path: string;
  oid: string;
}

export interface SnapshotDiff {
  added: SnapshotEntry[];
  changed: SnapshotEntry[];
  removed: string[];
  /** Same content at a new path; `to` is not listed in `added`, `from` not in `removed`. */
  renamed: { from: string; to: string; oid: string }[];
  unchanged: number;
}

/**
 * Compares two snapshots of a source by blob id. Only `added`, `changed` and `renamed` files need reading;
 * a path whose content disappeared while identical content appeared elsewhere is a rename.
 */
export function diffSnapshots(previous: ReadonlyMap<string, string>, next: readonly SnapshotEntry[]): SnapshotDiff {
  const added: SnapshotEntry[] = [];
  const changed: SnapshotEntry[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  for (const entry of next) {
    seen.add(entry.path);
    const before = previous.get(entry.path);
    if (before === undefined) added.push(entry);
    else if (before === entry.oid) unchanged++;
    else changed.push(entry);
  }
  const goneByOid = new Map<string, string[]>();
  for (const [path, oid] of previous) {
    if (seen.has(path)) continue;
    const list = goneByOid.get(oid) ?? [];
    list.push(path);
    goneByOid.set(oid, list);
  }
  const renamed: SnapshotDiff['renamed'] = [];
  const stillAdded: SnapshotEntry[] = [];
  for (const entry of added) {
    const candidates = goneByOid.get(entry.oid);
    const from = candidates?.shift();
    if (from !== undefined) renamed.push({ from, to: entry.path, oid: entry.oid });
    else stillAdded.push(entry);
  }
  const removed = [...goneByOid.values()].flat();
  return { added: stillAdded, changed, removed, renamed, unchanged };
}
