import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { longPdf } from '../../../../packages/reading/test-fixtures/pdf-builder.js';
import importInWorker from './import-worker.js';

describe('the import worker thread', () => {
  it("reads a PDF's fonts without Node's zlib, whose half-made stream aborts the server when the time limit stops the thread", async () => {
    const { port1, port2 } = new MessageChannel();
    const pdf = await longPdf(3);
    const result = await importInWorker({ bytes: new Uint8Array(pdf).buffer, filename: 'week-1.pdf', port: port2 });
    port1.close();

    expect(globalThis.DecompressionStream).toBeUndefined();
    expect(result).toMatchObject({ type: 'done', document: { title: 'A Survey of Estuary Pilots' } });
    expect(JSON.stringify(result)).toContain('In part 1 of section 3');
  });
});
