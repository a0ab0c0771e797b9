import { BUNDLED_SOURCE_ID, type RunbookMeta } from '../model';
import { alertKey } from './alertMapping';

/** A runbook (and section) that front matter maps an alert to. */
export interface AlertTarget {
  sourceId: string;
  path: string;
  title: string;
  anchor?: string | undefined;
}

type MappedRunbook = Pick<RunbookMeta, 'sourceId' | 'path' | 'title' | 'alerts'> & { removedFromSource?: string | undefined };

/**
 * The runbooks that answer an alert: those mapping exactly this name, or, when none does, those mapping it
 * in another case (`highbansynclag` typed by hand). Runbooks still in their source come first, then team
 * sources before the bundled copy, then by title, so the first target is the one to open.
 */
export function findAlertTargets(runbooks: Iterable<MappedRunbook>, name: string): AlertTarget[] {
  const wanted = name.trim();
  const exact: (AlertTarget & { removed: boolean })[] = [];
  const folded: (AlertTarget & { removed: boolean })[] = [];
  for (const runbook of runbooks) {
    for (const alert of runbook.alerts ?? []) {
      const into = alert.name === wanted ? exact : alertKey(alert.name) === alertKey(wanted) ? folded : undefined;
      if (!into) continue;
      into.push({
        sourceId: runbook.sourceId,
        path: runbook.path,
        title: runbook.title,
        anchor: alert.anchor,
        removed: runbook.removedFromSource !== undefined,
      });
      break;
    }
  }
  const chosen = exact.length > 0 ? exact : folded;
  chosen.sort(
    (a, b) =>
      Number(a.removed) - Number(b.removed) ||
      Number(a.sourceId === BUNDLED_SOURCE_ID) - Number(b.sourceId === BUNDLED_SOURCE_ID) ||
      a.title.localeCompare(b.title) ||
      a.path.localeCompare(b.path),
  );
  return chosen.map(({ removed: _removed, ...target }) => target);
}
