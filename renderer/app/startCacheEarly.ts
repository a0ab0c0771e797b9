/**
 * Imported by main.tsx before React and the app's own modules, so that opening the cache, checking the
 * shipped runbooks and, at a runbook's address, reading that runbook (then loading what formatting it
 * needs) are under way while the rest of the main chunk is evaluated (on a cold start, a task of 100–200 ms
 * on a two-core machine) instead of after React has drawn the shell and mounted the components that ask
 * for them. (The connection to the cache was started even sooner, by the page's early script: renderer/early.)
 */
import { isContactHeading } from '../../core/contacts/contactHeadings';
import { runbookOfRoute } from '../routes';
import { loadFormattingExtras } from '../runbook/formattingExtras';
import { startRunbookRead } from './cacheQueries';
import { startCacheCheck } from './useCacheReady';

if (typeof indexedDB !== 'undefined') {
  startCacheCheck();
  const runbook = runbookOfRoute(location.hash.slice(1));
  // The parts of the Markdown pipeline this body needs and the app does not bring (emoji, HTML, contact links)
  // load while the page is drawn.
  if (runbook) {
    void startRunbookRead(runbook.sourceId, runbook.path).then(
      (opened) =>
        opened &&
        loadFormattingExtras(
          opened.body.markdown,
          opened.meta.headings.some((heading) => isContactHeading(heading.text)),
        ),
    );
  }
}
