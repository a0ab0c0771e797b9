import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../app/database';
import { useRunbookContext } from '../runbook/RunbookContext';

const NO_NAMES: ReadonlySet<string> = new Set();

/** The `<NAME>` placeholders the runbook on screen declares in front matter `variables:` (empty while loading). */
export function useDeclaredPlaceholders(): ReadonlySet<string> {
  const { sourceId, path } = useRunbookContext();
  const declared = useLiveQuery(
    async () => new Set((await db.runbooks.get([sourceId, path]))?.variables?.map((v) => v.name) ?? []),
    [sourceId, path],
  );
  return declared ?? NO_NAMES;
}
