import type { CachedRunbook, RunbookDatabase } from '../cache/runbookDatabase';
import { alertKey } from './alertMapping';
import { findAlertTargets, type AlertTarget } from './findAlertTargets';

/**
 * The runbooks that answer an alert, read through the library table's `alertKeys` index: only the records
 * of runbooks that map the alert (in any case) are read, however large the library is.
 */
export async function lookUpAlertTargets(db: RunbookDatabase, name: string): Promise<AlertTarget[]> {
  const key = alertKey(name);
  if (key === '') return [];
  const keys = await db.library.where('alertKeys').equals(key).primaryKeys();
  const runbooks = (await db.runbooks.bulkGet(keys)).filter((runbook): runbook is CachedRunbook => runbook !== undefined);
  return findAlertTargets(runbooks, name);
}
