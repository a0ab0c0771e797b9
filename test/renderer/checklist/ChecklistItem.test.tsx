// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChecklistStep } from '../../../core/userdata/checklistSteps';
import { ChecklistContext, type ChecklistState } from '../../../renderer/checklist/ChecklistContext';
import { ChecklistItem } from '../../../renderer/checklist/ChecklistItem';

const reworded: ChecklistStep = {
  key: 'steps/restart the pods one zone at a time.',
  text: 'Restart the pods one zone at a time.',
  line: 3,
  section: 'steps',
  ordinal: 1,
};
const unchanged: ChecklistStep = {
  key: 'steps/drain the load balancer.',
  text: 'Drain the load balancer.',
  line: 2,
  section: 'steps',
  ordinal: 0,
};

function show(ticks: ChecklistState['ticks']) {
  const state: ChecklistState = {
    stepsByLine: new Map([
      [2, unchanged],
      [3, reworded],
    ]),
    ticks,
    setDone: () => undefined,
  };
  render(
    <ChecklistContext.Provider value={state}>
      <ol>
        <ChecklistItem node={{ position: { start: { line: 2 } } }}>Drain the load balancer.</ChecklistItem>
        <ChecklistItem node={{ position: { start: { line: 3 } } }}>Restart the pods one zone at a time.</ChecklistItem>
      </ol>
    </ChecklistContext.Provider>,
  );
}

describe('ChecklistItem', () => {
  it('shows a tick carried over a rewording as ticked, marked "Changed since ticked" with the words that were ticked', () => {
    show(
      new Map([
        [unchanged.key, { tickedKey: unchanged.key }],
        [reworded.key, { tickedKey: 'steps/restart the pods.', changedSinceTicked: { textWhenTicked: 'Restart the pods.' } }],
      ]),
    );
    const rewordedBox = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Step done: Restart the pods one zone at a time.' });
    expect(rewordedBox.checked).toBe(true);
    const note = document.getElementById(rewordedBox.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toBe('Changed since ticked');
    expect(note.getAttribute('title')).toBe('When ticked it said: Restart the pods.');

    const unchangedBox = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Step done: Drain the load balancer.' });
    expect(unchangedBox.checked).toBe(true);
    expect(unchangedBox.getAttribute('aria-describedby')).toBeNull();
    expect(screen.getAllByText('Changed since ticked')).toHaveLength(1);
  });
});
