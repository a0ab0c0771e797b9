// A worker thread that examines runbook files for `check`. Worker threads do not inherit the main thread's
// TypeScript loader, so this plain-JS entry registers tsx before it loads the checker.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { examineRunbookFile } = await import('../../core/check/examineRunbookFile.ts');

parentPort.on('message', (batch) => {
  parentPort.postMessage({ id: batch.id, examined: batch.files.map((file) => examineRunbookFile(file)) });
});
parentPort.postMessage({ ready: true });
