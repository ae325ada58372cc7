import { parentPort } from 'node:worker_threads';
import { readingDocument } from '@commonplace/contracts';
import { detectFormat, importReading, preloadParsers, ReadingImportError } from '@commonplace/reading';
import type { WorkerJob, WorkerMessage } from './import-runner.js';

// Runs inside a worker thread of the import pool: loads every parser once, then runs the imports
// it is given, one at a time, each reported back as messages.
const send = (message: WorkerMessage) => parentPort!.postMessage(message);

async function run(job: WorkerJob): Promise<void> {
  try {
    const data = job.text ?? new Uint8Array(job.bytes!);
    send({ type: 'format', format: typeof data === 'string' ? 'text' : detectFormat(data) });
    const document = await importReading(
      { data, filename: job.filename },
      { onProgress: (fraction, stage) => send({ type: 'progress', fraction, stage }) },
    );
    // Held to the contract here, off the server's thread, before anything stores it.
    const checked = readingDocument.safeParse(document);
    send(
      checked.success
        ? { type: 'done', document: checked.data }
        : {
            type: 'failed',
            code: 'IMPORT_FAILED',
            detail: `a document outside the contract: ${checked.error.message}`,
          },
    );
  } catch (error) {
    send(
      error instanceof ReadingImportError
        ? { type: 'failed', code: error.code, message: error.message }
        : {
            type: 'failed',
            code: 'IMPORT_FAILED',
            detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
          },
    );
  }
}

// Jobs that arrive while the parsers load wait their turn, in order. Should loading fail, each
// import loads what it needs itself and reports its own error.
let queue = preloadParsers().catch(() => undefined);
parentPort!.on('message', (job: WorkerJob) => {
  queue = queue.then(() => run(job));
});
