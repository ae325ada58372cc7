import type { MessagePort } from 'node:worker_threads';
import { readingDocument } from '@commonplace/contracts';
import { detectFormat, importReading, preloadParsers, ReadingImportError } from '@commonplace/reading';
import type { WorkerResult, WorkerTask, WorkerUpdate } from './import-runner.js';

// pdf.js inflates a page's fonts and images through the web DecompressionStream, that is through
// Node's zlib. On Node 20 a thread stopped at the time limit just as zlib set up such a stream
// aborts the whole process as the thread is torn down ("close before init"), the server with it.
// Without it, pdf.js inflates them in JavaScript.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
delete (globalThis as { CompressionStream?: unknown }).CompressionStream;

// Runs inside a worker thread of the import pool (piscina), one import at a time. The parsers
// load with the module, before piscina hands the worker its first import; should loading fail,
// each import loads what it needs itself and reports its own error.
await preloadParsers().catch(() => undefined);

export default async function importInWorker({ text, bytes, filename, port }: WorkerTask): Promise<WorkerResult> {
  const send = (update: WorkerUpdate) => (port as MessagePort).postMessage(update);
  try {
    const data = text ?? new Uint8Array(bytes!);
    send({ type: 'format', format: typeof data === 'string' ? 'text' : detectFormat(data) });
    const document = await importReading(
      { data, filename },
      { onProgress: (fraction, stage) => send({ type: 'progress', fraction, stage }) },
    );
    // Held to the contract here, off the server's thread, before anything stores it.
    const checked = readingDocument.safeParse(document);
    return checked.success
      ? { type: 'done', document: checked.data }
      : { type: 'failed', code: 'IMPORT_FAILED', detail: `a document outside the contract: ${checked.error.message}` };
  } catch (error) {
    return error instanceof ReadingImportError
      ? { type: 'failed', code: error.code, message: error.message }
      : {
          type: 'failed',
          code: 'IMPORT_FAILED',
          detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
        };
  } finally {
    port.close();
  }
}
