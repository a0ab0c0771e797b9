import { libraryNameCollator } from '../../core/runbook/libraryTree';
import { prepareLocalDateTime } from './localDateTime';

/**
 * Makes the date formatter and the library's collator once, for their side effect: the first of each in a
 * renderer process loads the locale's data from ICU, 20–30 ms on a two-core machine, and that data is then
 * shared by every thread of the process. Run in the search worker while it waits for its index, so the page
 * makes its own in well under a millisecond instead of spending that time on the UI thread during the start.
 */
export function warmLocaleData(): void {
  prepareLocalDateTime();
  libraryNameCollator().compare('a', 'b');
}
