// How fast the reader shows the longest course reading in Chromium, beside the same text as a bare
// static HTML page served from the same machine (the floor any reader could reach).
// Run: pnpm --filter @commonplace/tests bench:reader   (READINGS_DIR overrides ../shared/readings)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { postJson, sessionCookie } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startApp } from '../support/app.js';
import { afterWarmUp, median, readingsDir } from '../support/bench.js';

const RUNS = 7;
if (!existsSync(readingsDir)) {
  console.error(`No course readings at ${readingsDir}; set READINGS_DIR.`);
  process.exit(1);
}

interface Timing {
  ttfb: number;
  fcp: number;
  domContentLoaded: number;
  load: number;
}

/** One cold visit in a fresh browser context: what Chromium's own timeline recorded. */
async function visit(browser: Browser, url: string, cookie?: { name: string; value: string }): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (cookie) await context.addCookies([{ ...cookie, url }]);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const timing = await page.evaluate(async () => {
    // First contentful paint can be reported a frame after load.
    for (let i = 0; i < 50 && !performance.getEntriesByName('first-contentful-paint').length; i++) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      ttfb: nav.responseStart,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
    };
  });
  await context.close();
  return timing;
}

async function measure(browser: Browser, url: string, cookie?: { name: string; value: string }): Promise<Timing> {
  const runs = await afterWarmUp(RUNS, () => visit(browser, url, cookie));
  const medianOf = (key: keyof Timing) => median(runs.map((r) => r[key]));
  return {
    ttfb: medianOf('ttfb'),
    fcp: medianOf('fcp'),
    domContentLoaded: medianOf('domContentLoaded'),
    load: medianOf('load'),
  };
}

/** The parts of the API's answers this benchmark reads. */
interface ReadingSummary {
  id: string;
  wordCount: number;
}
interface ReadingDetail extends ReadingSummary {
  title: string;
  document: { blocks: { type: string; text: string }[]; notes: unknown[] };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The reading's text as the plainest page that shows it: one element per block, no script. */
function staticPage(reading: ReadingDetail): string {
  const blocks = reading.document.blocks
    .map((b) => (b.type === 'heading' ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`))
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(reading.title)}</title></head><body><h1>${escapeHtml(reading.title)}</h1>${blocks}</body></html>`;
}

const app = await startApp({
  env: { SEED_DEMO: 'true', READINGS_DIR: readingsDir },
  database: { kind: 'embedded' },
});
const browser = await launchBrowser();
try {
  // A student of the demo course (prisma/seed.ts).
  const login = await postJson(app.url, '/api/auth/login', {
    email: 'aigerim@demo.commonplace.test',
    password: 'commonplace-demo-1',
  });
  const [name, value] = sessionCookie(login).split('=') as [string, string?];
  if (login.status !== 200 || !value) throw new Error(`Demo login failed: ${login.status}`);
  const cookie = { name, value };
  const get = async <T>(path: string) =>
    (await (await fetch(`${app.url}${path}`, { headers: { cookie: `${name}=${value}` } })).json()) as T;
  const [course] = await get<{ id: string }[]>('/api/courses');
  const readings = await get<ReadingSummary[]>(`/api/courses/${course!.id}/readings`);
  const longest = readings.reduce((a, b) => (b.wordCount > a.wordCount ? b : a));
  const reading = await get<ReadingDetail>(`/api/courses/${course!.id}/readings/${longest.id}`);

  const html = staticPage(reading);
  const reference = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((r) => reference.listen(0, '127.0.0.1', r));
  const referenceUrl = `http://127.0.0.1:${(reference.address() as AddressInfo).port}/`;

  const reader = await measure(browser, `${app.url}/courses/${course!.id}/readings/${reading.id}`, cookie);
  const bare = await measure(browser, referenceUrl);
  reference.close();

  const words = reading.wordCount.toLocaleString('en-GB');
  console.log(
    `\nReader, time to first render: "${reading.title}" (${words} words, ${reading.document.blocks.length} blocks, ${reading.document.notes.length} notes)`,
  );
  console.log(`Chromium, cold context each run, median of ${RUNS}, milliseconds from navigation start\n`);
  const row = (label: string, t: Timing) =>
    `${label.padEnd(34)}${[t.ttfb, t.fcp, t.domContentLoaded, t.load].map((v) => v.toFixed(0).padStart(10)).join('')}`;
  console.log(`${''.padEnd(34)}${['TTFB', 'FCP', 'DOM ready', 'load'].map((h) => h.padStart(10)).join('')}`);
  console.log(row('Commonplace reader (SSR+hydrate)', reader));
  console.log(row('bare static HTML, same text', bare));
} finally {
  await browser.close();
  await app.stop();
}
