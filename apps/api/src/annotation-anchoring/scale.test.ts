import { describe as describePassage } from '@commonplace/anchoring';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseWithCast } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { AnnotationReanchoring } from './annotation-reanchoring.service.js';
import { selectorJson } from './stored-selector.js';
import { assignedReading, currentText, storeNewVersion } from './testing.js';

const READINGS_DIR = join(import.meta.dirname, '../../../../../shared/readings');
const THREADS = 2000;

/** The course's longest reading (a 118 KB thesis) when the shared readings are here; else prose of that size. */
function longestReading(): string {
  const thesis = existsSync(READINGS_DIR) && readdirSync(READINGS_DIR).find((name) => name.startsWith('004_'));
  if (thesis) return readFileSync(join(READINGS_DIR, thesis), 'utf8');
  const words = ['rail', 'steppe', 'border', 'trade', 'union', 'treaty', 'grain', 'oil', 'port', 'loan', 'Astana'];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  let text = '';
  while (text.length < 118_000) {
    const sentence = Array.from({ length: 8 + (next() % 12) }, () => words[next() % words.length]).join(' ');
    text += `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.${next() % 5 === 0 ? '\n\n' : ' '}`;
  }
  return text;
}

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

describe('re-anchoring at scale', () => {
  it(`carries ${THREADS} threads on the longest reading to a new version in seconds`, async () => {
    const source = longestReading();
    const { courseId, instructor, student } = await courseWithCast(t);
    const readingId = await assignedReading(t, instructor, courseId, source);
    const text = await currentText(t, readingId);
    // Passages of 20 to 120 characters spread over the whole text, at word starts.
    const step = Math.floor(text.length / THREADS);
    const rows = Array.from({ length: THREADS }, (_, i) => {
      const start = text.indexOf(' ', i * step) + 1;
      const end = Math.min(text.length, start + 20 + ((i * 37) % 100));
      const passage = describePassage(text, start, end);
      return {
        courseId,
        readingId,
        authorId: student.userId,
        visibility: 'COURSE' as const,
        body: `Thread ${i}`,
        selector: selectorJson(passage, 'array'),
        quote: passage.quote.exact,
        start: passage.position.start,
        end: passage.position.end,
        readingVersion: 1,
      };
    });
    await t.prisma.annotation.createMany({ data: rows });
    // The new edition: a preface before everything, and a sentence rewritten in the middle.
    const middle = source.indexOf('. ', Math.floor(source.length / 2)) + 2;
    const edited = `A preface to the revised edition.\n\n${source.slice(0, middle)}This sentence is new. ${source.slice(middle)}`;
    await storeNewVersion(t, instructor, courseId, readingId, edited);

    const began = performance.now();
    const summary = await t.api.app.get(AnnotationReanchoring).reanchorReading(readingId);
    const seconds = (performance.now() - began) / 1000;
    console.log(`re-anchored ${THREADS} threads on ${text.length} characters in ${seconds.toFixed(2)} s`, summary);
    expect(summary!.anchored + summary!.triage + summary!.orphaned).toBe(THREADS);
    // Almost every passage is untouched by the edits, so almost all stay on their words.
    expect(summary!.anchored).toBeGreaterThan(THREADS * 0.95);
    expect(seconds).toBeLessThan(20);
    const left = await t.prisma.annotation.count({ where: { readingId, readingVersion: 1, anchorStatus: 'ANCHORED' } });
    expect(left).toBe(0);
  }, 120_000);
});
