// Worker entry when the CLI runs from its TypeScript sources (tests, or no bundle): worker threads do not
// inherit the main thread's TypeScript loader, so this registers tsx first. The bundled CLI has its own
// compiled examineWorker.mjs beside its main.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./examineWorkerMain.ts');
