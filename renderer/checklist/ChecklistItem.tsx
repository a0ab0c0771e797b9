import type { ComponentProps } from 'react';
import { useChecklist } from './ChecklistContext';

type Props = ComponentProps<'li'> & { node?: { position?: { start: { line: number } } | undefined } | undefined };

/** A list item that is a step (a task-list item, or a numbered step) gets a checkbox whose state is saved. */
export function ChecklistItem({ node, children, className, ...rest }: Props) {
  const checklist = useChecklist();
  const step = node?.position ? checklist?.stepsByLine.get(node.position.start.line) : undefined;
  if (!checklist || !step) {
    return (
      <li className={className} {...rest}>
        {children}
      </li>
    );
  }
  const tick = checklist.ticks.get(step.key);
  const changed = tick?.changedSinceTicked;
  const noteId = changed ? `rr-step-changed-${step.line}` : undefined;
  return (
    <li className={`${className ?? ''} rr-step${tick ? ' rr-step-done' : ''}`} {...rest}>
      <input
        type="checkbox"
        className="rr-step-check"
        checked={tick !== undefined}
        onChange={(e) => checklist.setDone(step, e.target.checked)}
        aria-label={`Step done: ${step.text.slice(0, 80)}`}
        aria-describedby={noteId}
      />
      {changed && (
        <span className="rr-step-changed" id={noteId} title={`When ticked it said: ${changed.textWhenTicked}`}>
          Changed since ticked
        </span>
      )}
      {children}
    </li>
  );
}
