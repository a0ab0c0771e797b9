import { createContext, useContext } from 'react';
import type { ChecklistStep } from '../../core/userdata/checklistSteps';

/** Tickable steps of the open runbook, found by the line they start on in the Markdown body. */
export interface ChecklistState {
  stepsByLine: ReadonlyMap<number, ChecklistStep>;
  done: ReadonlySet<string>;
  setDone(key: string, done: boolean): void;
}

export const ChecklistContext = createContext<ChecklistState | undefined>(undefined);

export function useChecklist(): ChecklistState | undefined {
  return useContext(ChecklistContext);
}
