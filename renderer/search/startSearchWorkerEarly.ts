/**
 * Imported by main.tsx before the app's own modules, so the search worker is fetched, started and reading its
 * stored index while the main chunk is still being evaluated and the first runbook drawn, not after: the index
 * is then ready by the time someone presses "/". Without Worker (jsdom, very old browsers) the dialog starts
 * it on mount instead.
 */
import { startSearchWorker } from './searchClient';

if (typeof Worker === 'function') startSearchWorker();
