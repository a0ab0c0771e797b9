import { parentPort } from 'node:worker_threads';
import { examineRunbookFile } from '../../core/check/examineRunbookFile';
import type { SourceFile } from '../../core/model';

// A worker thread of `check`: examines the batches of files the main thread hands it.
const port = parentPort;
if (!port) throw new Error('examineWorkerMain runs as a worker thread only');
port.on('message', (batch: { id: number; files: SourceFile[] }) => {
  port.postMessage({ id: batch.id, examined: batch.files.map((file) => examineRunbookFile(file)) });
});
port.postMessage({ ready: true });
