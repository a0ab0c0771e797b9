import { createContext, useContext } from 'react';
import type { StepTick } from '../../core/userdata/checklistProgress';
import type { ChecklistStep } from '../../core/userdata/checklistSteps';

/** Tickable steps of the open runbook, found by the line they start on in the Markdown body. */
export interface ChecklistState {
  stepsByLine: ReadonlyMap<number, ChecklistStep>;
  /** Ticked steps of the version on screen, by step key (saved ticks carried over any sync). */
  ticks: ReadonlyMap<string, StepTick>;
  setDone(step: ChecklistStep, done: boolean): void;
}

export const ChecklistContext = createContext<ChecklistState | undefined>(undefined);

export function useChecklist(): ChecklistState | undefined {
  return useContext(ChecklistContext);
}
