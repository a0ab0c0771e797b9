import type { ComponentProps } from 'react';
import { useChecklist } from './ChecklistContext';

type Props = ComponentProps<'li'> & { node?: { position?: { start: { line: number } } | undefined } | undefined };

/** A list item that is a step (numbered, or a task-list item) gets a checkbox whose state is saved. */
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
  const done = checklist.done.has(step.key);
  return (
    <li className={`${className ?? ''} rr-step${done ? ' rr-step-done' : ''}`} {...rest}>
      <input
        type="checkbox"
        className="rr-step-check"
        checked={done}
        onChange={(e) => checklist.setDone(step.key, e.target.checked)}
        aria-label={`Step done: ${step.text.slice(0, 80)}`}
      />
      {children}
    </li>
  );
}
