import { parentPort, workerData } from 'node:worker_threads';
import { readingDocument } from '@commonplace/contracts';
import { detectFormat, importReading, ReadingImportError } from '@commonplace/reading';
import type { WorkerInput, WorkerMessage } from './import-runner.js';

// Runs inside a worker thread: one import, reported back as messages.
const input = workerData as WorkerInput;
const send = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  const data = input.text ?? new Uint8Array(input.bytes!);
  send({ type: 'format', format: typeof data === 'string' ? 'text' : detectFormat(data) });
  const document = await importReading(
    { data, filename: input.filename },
    { onProgress: (fraction, stage) => send({ type: 'progress', fraction, stage }) },
  );
  // Held to the contract here, off the server's thread, before anything stores it.
  const checked = readingDocument.safeParse(document);
  send(
    checked.success
      ? { type: 'done', document: checked.data }
      : { type: 'failed', code: 'IMPORT_FAILED', detail: `a document outside the contract: ${checked.error.message}` },
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
