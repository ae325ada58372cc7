// How fast the reader opens the longest course reading carrying 2,000 annotations (threads on real
// passages, some with replies, inserted straight into the database), beside the same reader with
// none: Chromium's first contentful paint, and the time until every thread's highlight is placed
// in the text (its marker after the passage is in the page).
// Run: pnpm --filter @commonplace/tests bench:annotated-reader   (READINGS_DIR overrides ../shared/readings)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe } from '../../packages/anchoring/src/index.js';
import { createPrismaClient } from '@commonplace/db';
import { startEmbeddedPostgres } from '@commonplace/db/embedded';
import { postJson, sessionCookie } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { folderForEmbeddedPg, startApp } from '../support/app.js';
import { afterWarmUp, median, readingsDir } from '../support/bench.js';

const RUNS = 5;
const ANNOTATIONS = 2_000;
const REPLIES = 400;
if (!existsSync(readingsDir)) {
  console.error(`No course readings at ${readingsDir}; set READINGS_DIR.`);
  process.exit(1);
}

interface Timing {
  fcp: number;
  domContentLoaded: number;
  load: number;
  /** When the page first held a marker for every thread expected. */
  anchored: number;
}

/** One cold visit in a fresh browser context, waiting until `threads` thread markers are in the text. */
async function visit(
  browser: Browser,
  url: string,
  cookie: { name: string; value: string },
  threads: number,
): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ ...cookie, url }]);
  // Watches from the first frame for the markers each placed thread puts after its passage. Given
  // as source: tsx would wrap a named function in a helper the page does not have.
  await context.addInitScript(`
    (function watch() {
      if (document.querySelectorAll('[data-thread-marker]').length >= ${threads}) window.anchoredAt = performance.now();
      else requestAnimationFrame(watch);
    })();
  `);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => 'anchoredAt' in window, undefined, { timeout: 60_000 });
  const timing = await page.evaluate(async () => {
    for (let i = 0; i < 50 && !performance.getEntriesByName('first-contentful-paint').length; i++) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      anchored: (window as unknown as { anchoredAt: number }).anchoredAt,
    };
  });
  await context.close();
  return timing;
}

async function measure(
  browser: Browser,
  url: string,
  cookie: { name: string; value: string },
  threads: number,
): Promise<Timing> {
  const runs = await afterWarmUp(RUNS, () => visit(browser, url, cookie, threads));
  const medianOf = (key: keyof Timing) => median(runs.map((r) => r[key]));
  return {
    fcp: medianOf('fcp'),
    domContentLoaded: medianOf('domContentLoaded'),
    load: medianOf('load'),
    anchored: medianOf('anchored'),
  };
}

interface ReadingSummary {
  id: string;
  wordCount: number;
}
interface ReadingDetail extends ReadingSummary {
  title: string;
  version: number;
  blockOffsets: Array<[number, number]>;
  document: { blocks: Array<{ type: string; text: string }> };
}

/** Spread-out passages of the reading: a sentence-long stretch of a paragraph, never a heading. */
function passages(reading: ReadingDetail, canonical: string, count: number): Array<{ start: number; end: number }> {
  const paragraphs = reading.document.blocks.flatMap((b, i) => (b.type === 'heading' || b.text.length < 20 ? [] : [i]));
  return Array.from({ length: count }, (_, n) => {
    const block = paragraphs[Math.floor((n * paragraphs.length) / count)]!;
    const [blockStart, blockEnd] = reading.blockOffsets[block]!;
    const length = blockEnd - blockStart;
    const from = blockStart + ((n * 37) % Math.max(1, length - 10));
    let start = from;
    while (start > blockStart && /\S/.test(canonical[start - 1]!)) start--;
    const end = Math.min(blockEnd, start + 20 + ((n * 13) % 80));
    return { start, end: Math.max(end, start + 1) };
  });
}

const folder = await folderForEmbeddedPg('commonplace-bench-');
const database = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), persistent: false });
const app = await startApp({
  env: { SEED_DEMO: 'true', READINGS_DIR: readingsDir },
  database: { kind: 'shared', database: { url: database.url, truncate: async () => {}, drop: async () => {} } },
});
const prisma = createPrismaClient(database.url, 2);
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
  const readerUrl = `${app.url}/courses/${course!.id}/readings/${reading.id}`;

  const bare = await measure(browser, readerUrl, cookie, 0);

  // 2,000 annotations: course-wide threads on real passages by the course's members, and replies.
  const canonical = reading.document.blocks.reduce(
    (text, block, i) => text + '\n'.repeat(Math.max(0, reading.blockOffsets[i]![0] - text.length)) + block.text,
    '',
  );
  const members = await prisma.enrollment.findMany({ where: { courseId: course!.id }, select: { userId: true } });
  const threads = ANNOTATIONS - REPLIES;
  const roots = passages(reading, canonical, threads).map(({ start, end }, n) => {
    const selector = describe(canonical, start, end);
    return {
      id: crypto.randomUUID(),
      courseId: course!.id,
      readingId: reading.id,
      authorId: members[n % members.length]!.userId,
      visibility: 'COURSE' as const,
      body: n % 5 === 0 ? '' : `Note ${n}: **why** does this passage matter here? See the previous section.`,
      tags: n % 7 === 0 ? ['confusing'] : n % 3 === 0 ? ['question'] : [],
      // Stored as the API stores a thread's target: [TextQuoteSelector, TextPositionSelector].
      selector: [selector.quote, selector.position],
      quote: selector.quote.exact,
      start,
      end,
      readingVersion: reading.version,
    };
  });
  const replies = Array.from({ length: REPLIES }, (_, n) => {
    const root = roots[(n * 7) % roots.length]!;
    return {
      courseId: course!.id,
      readingId: reading.id,
      authorId: members[(n + 1) % members.length]!.userId,
      parentId: root.id,
      rootId: root.id,
      visibility: 'COURSE' as const,
      body: `Reply ${n}: I read it differently.`,
      readingVersion: reading.version,
    };
  });
  await prisma.annotation.createMany({ data: roots });
  await prisma.annotation.createMany({ data: replies });
  const listed = await get<unknown[]>(`/api/courses/${course!.id}/readings/${reading.id}/annotations`);
  if (!Array.isArray(listed) || listed.length !== ANNOTATIONS)
    throw new Error(
      `The student should see ${ANNOTATIONS} annotations; the API lists ${JSON.stringify(listed).slice(0, 200)}`,
    );

  const annotated = await measure(browser, readerUrl, cookie, threads);

  const words = reading.wordCount.toLocaleString('en-GB');
  console.log(
    `\nAnnotated reader: "${reading.title}" (${words} words, ${reading.document.blocks.length} blocks), ${ANNOTATIONS.toLocaleString('en-GB')} annotations (${threads} threads, ${REPLIES} replies)`,
  );
  console.log(`Chromium, cold context each run, median of ${RUNS}, milliseconds from navigation start\n`);
  const columns = ['FCP', 'DOM ready', 'load', 'anchored'];
  const row = (label: string, t: Timing) =>
    `${label.padEnd(28)}${[t.fcp, t.domContentLoaded, t.load, t.anchored].map((v) => v.toFixed(0).padStart(11)).join('')}`;
  console.log(`${''.padEnd(28)}${columns.map((h) => h.padStart(11)).join('')}`);
  console.log(row('no annotations', bare));
  console.log(row(`${ANNOTATIONS} annotations`, annotated));
  console.log(
    JSON.stringify({
      reading: reading.title,
      words: reading.wordCount,
      annotations: ANNOTATIONS,
      threads,
      bare,
      annotated,
    }),
  );
} finally {
  await browser.close();
  await prisma.$disconnect();
  await app.stop();
  await database.stop();
}
