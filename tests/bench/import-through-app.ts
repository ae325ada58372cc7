// What an instructor waits for: from the start of an upload until the preview is ready, through
// the running app (multipart upload, import in a worker thread, draft polled as the web page does),
// beside the importer called in this process on the same bytes (the floor the app adds to).
// Run: pnpm --filter @commonplace/tests bench:import-app   (READINGS_DIR overrides ../shared/readings)
import { readFileSync } from 'node:fs';
import { importReading } from '../../packages/reading/src/index.js';
import { longPdf } from '../../packages/reading/test-fixtures/pdf-builder.js';
import { postJson, sessionCookie } from '../support/api.js';
import { startApp } from '../support/app.js';
import { largestReading, median, timeRuns } from '../support/bench.js';
import { PASSWORD } from '../support/people.js';

const RUNS = 5;
const POLL_MS = 50;

const app = await startApp({ database: { kind: 'embedded' } });
try {
  const cookie = sessionCookie(
    await postJson(app.url, '/api/auth/signup', {
      name: 'Bench Instructor',
      email: 'bench@example.test',
      password: PASSWORD,
    }),
  );
  const call = async (method: string, path: string, body?: BodyInit, json = false) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { cookie, ...(json ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; status: string; error?: { message: string } };
  };
  const course = await call('POST', '/api/courses', JSON.stringify({ title: 'Bench', term: 'Now' }), true);

  /** Upload, then poll the draft until its preview is ready. */
  const importThroughApp = async (bytes: Uint8Array, filename: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), filename);
    let draft = await call('POST', `/api/courses/${course.id}/imports/upload`, form);
    while (draft.status === 'PROCESSING') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      draft = await call('GET', `/api/courses/${course.id}/imports/${draft.id}`);
    }
    if (draft.status !== 'READY') throw new Error(`${filename}: ${draft.status} ${draft.error?.message ?? ''}`);
  };

  const thesisPath = largestReading();
  const inputs = [
    { name: thesisPath.split('/').pop()!, bytes: new Uint8Array(readFileSync(thesisPath)) },
    { name: 'generated-100-pages.pdf', bytes: await longPdf(100) },
  ];
  console.log(`\nImport time: upload until the preview is ready; median of ${RUNS} runs, milliseconds\n`);
  console.log(
    `${'input'.padEnd(30)}${'KB'.padStart(6)}${'through the app'.padStart(18)}${'importer alone'.padStart(17)}`,
  );
  for (const input of inputs) {
    const viaApp = await timeRuns(RUNS, () => importThroughApp(input.bytes, input.name));
    const alone = await timeRuns(RUNS, () => importReading({ data: input.bytes, filename: input.name }));
    console.log(
      `${input.name.padEnd(30)}${(input.bytes.length / 1024).toFixed(0).padStart(6)}` +
        `${median(viaApp).toFixed(0).padStart(18)}${median(alone).toFixed(0).padStart(17)}`,
    );
  }
  console.log(`\n(the app's draft is polled every ${POLL_MS} ms; the web page polls every 700 ms)`);
} finally {
  await app.stop();
}
