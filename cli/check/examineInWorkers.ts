import { Worker } from 'node:worker_threads';
import type { ExaminedFile } from '../../core/check/examineRunbookFile';
import type { SourceFile } from '../../core/model';

/** Files per message: small enough to balance the load, large enough that messaging costs little. */
const BATCH_SIZE = 16;

type WorkerReply = { ready: true } | { id: number; examined: ExaminedFile[] };

/**
 * Examines files on `workerCount` worker threads (parsing Markdown is what takes the time, and it is
 * CPU-bound), handing out batches as workers become free. Results come back in the order of `files`.
 */
export function examineInWorkers(files: readonly SourceFile[], workerCount: number): Promise<ExaminedFile[]> {
  const results = new Array<ExaminedFile>(files.length);
  const batches: { id: number; start: number; files: SourceFile[] }[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    batches.push({ id: batches.length, start, files: files.slice(start, start + BATCH_SIZE) });
  }
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];

  return new Promise<ExaminedFile[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker) => {
      const batch = batches[next++];
      if (batch) worker.postMessage({ id: batch.id, files: batch.files.map(({ path, bytes, oid }) => ({ path, bytes, oid })) });
    };
    if (batches.length === 0) return finish();
    for (let i = 0; i < Math.min(workerCount, batches.length); i++) {
      const worker = new Worker(new URL('./examineWorker.mjs', import.meta.url));
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if ('id' in reply) {
          const batch = batches[reply.id]!;
          reply.examined.forEach((e, k) => (results[batch.start + k] = e));
          if (++done === batches.length) return finish();
        }
        feed(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (done < batches.length && code !== 0) finish(new Error(`a checker worker stopped with exit code ${code}`));
      });
    }
  });
}
