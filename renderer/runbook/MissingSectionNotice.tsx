import { useSearchParams } from 'react-router-dom';
import { useRunbookContext } from './RunbookContext';

/**
 * A link to a section this version of the runbook does not have (renamed or removed upstream) opens the page
 * at the top and says so, instead of silently landing somewhere else.
 */
export function MissingSectionNotice() {
  const [params] = useSearchParams();
  const { headingText } = useRunbookContext();
  const section = params.get('section');
  // Ids the sanitizer gave footnotes and HTML anchors are on the page but are no headings.
  if (!section || !headingText || headingText.has(section) || section.startsWith('user-content-')) return null;
  return (
    <p className="rr-section-missing" role="status">
      Section #{section} not found in this version of the runbook; showing it from the top.
    </p>
  );
}
