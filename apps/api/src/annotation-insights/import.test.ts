import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast, enrol, signUp } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { assignedReading, offsetsOf, reply, thread } from './annotation-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

/** A Web Annotation as another tool writes it: a longer context, positions of its own. */
const fromElsewhere = (exact: string, extra: Record<string, unknown> = {}) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  motivation: 'commenting',
  body: [
    { type: 'TextualBody', value: `About “${exact}”.`, format: 'text/plain' },
    { type: 'TextualBody', value: 'Key point', purpose: 'tagging' },
    { type: 'TextualBody', value: 'not-a-course-tag', purpose: 'tagging' },
  ],
  target: {
    source: 'https://elsewhere.example/lighthouses.pdf',
    selector: [
      { type: 'TextPositionSelector', start: 9000, end: 9000 + exact.length },
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    ],
  },
  ...extra,
});

const threadsOf = (authorId: string) =>
  t.prisma.annotation.findMany({ where: { authorId, parentId: null }, orderBy: { start: 'asc' } });

describe('annotation import', () => {
  it('round-trips: what I export as JSON-LD another imports onto the same passages, with the same bodies', async () => {
    const cast = await courseWithCast(t);
    const { courseId, student, instructor } = cast;
    const readingId = await assignedReading(t, cast);
    const on = { courseId, readingId, authorId: student.userId };
    const keepers = await thread(t, {
      ...on,
      words: 'keepers of the northern lights',
      body: 'Who **were** they?',
      tags: ['question'],
    });
    await thread(t, { ...on, words: 'logbooks', occurrence: 2, body: 'The second “logbooks”.', visibility: 'PRIVATE' });
    await thread(t, { ...on, words: 'trim the wicks' });
    await reply(t, keepers, instructor.userId, 'Staff of the harbour board.');
    const exported = await student.call('exportAnnotations', { courseId }, undefined, { format: 'jsonld' });

    const classmate = await signUp(t, 'Classmate');
    await enrol(t, courseId, classmate.userId, 'STUDENT');
    const imported = await classmate.call('importAnnotations', { courseId, readingId }, exported.body);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ imported: 3, skipped: [{ index: 1, reason: expect.stringMatching(/^A reply/) }] });

    const shape = (rows: Awaited<ReturnType<typeof threadsOf>>) =>
      rows.map((row) => ({
        start: row.start,
        end: row.end,
        quote: row.quote,
        body: row.body,
        tags: row.tags,
        selector: row.selector,
      }));
    const mine = await threadsOf(classmate.userId);
    expect(shape(mine)).toEqual(shape(await threadsOf(student.userId)));
    expect(mine.every((row) => row.visibility === 'PRIVATE' && row.anchorStatus === 'ANCHORED')).toBe(true);
  });

  it('places another tool’s annotations by their quote, keeping only the course’s tags, and reports the ones it cannot place', async () => {
    const cast = await courseWithCast(t);
    const { courseId, student } = cast;
    const readingId = await assignedReading(t, cast);
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          fromElsewhere('Automation arrived in the 1960s'),
          fromElsewhere('words that are nowhere in it'),
          fromElsewhere('logbooks'),
          { type: 'Annotation', target: 'https://elsewhere.example/page', bodyValue: 'No passage.' },
          { type: 'Annotation', bodyValue: 'A page note.', target: { source: 'https://elsewhere.example/page' } },
        ],
      },
    };
    const answer = await student.call('importAnnotations', { courseId, readingId }, collection);
    expect(answer.status).toBe(200);
    expect(answer.body.imported).toBe(1);
    expect(answer.body.skipped.map((s: { index: number }) => s.index)).toEqual([1, 2, 3, 4]);
    expect(answer.body.skipped[0].reason).toMatch(/not in this reading/);
    expect(answer.body.skipped[1].reason).toMatch(/more than once/);
    expect(answer.body.skipped[3].reason).toMatch(/TextQuoteSelector/);
    const [stored] = await threadsOf(student.userId);
    expect(stored).toMatchObject({
      ...(await offsetsOf(t, readingId, 'Automation arrived in the 1960s')),
      quote: 'Automation arrived in the 1960s',
      body: 'About “Automation arrived in the 1960s”.',
      tags: ['key point'],
      visibility: 'PRIVATE',
    });
  });

  it('refuses malformed input with a 400 that stores nothing', async () => {
    const cast = await courseWithCast(t);
    const { courseId, student } = cast;
    const readingId = await assignedReading(t, cast);
    const good = fromElsewhere('Automation arrived');
    const malformed: unknown[] = [
      { type: 'Nope' },
      [good],
      JSON.stringify('Annotation'),
      { type: 'AnnotationCollection', first: { items: [] } },
      { type: 'AnnotationPage', items: [good, { type: 'Annotation' }] },
      { type: 'AnnotationPage', items: [good, { ...good, bodyValue: 'a\u0000b' }] },
      { type: 'AnnotationPage', items: Array.from({ length: 2001 }, () => good) },
    ];
    for (const body of malformed) {
      const answer = await student.call('importAnnotations', { courseId, readingId }, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    }
    const broken = await student.request(
      'POST',
      `/api/courses/${courseId}/readings/${readingId}/annotations/import`,
      '{"type":',
    );
    expect(broken.status).toBe(400);
    expect(await t.prisma.annotation.count()).toBe(0);
  });

  it('takes a file of up to 2 MB', async () => {
    const cast = await courseWithCast(t);
    const { courseId, student } = cast;
    const readingId = await assignedReading(t, cast);
    const items = Array.from({ length: 160 }, () =>
      fromElsewhere('Automation arrived', { bodyValue: 'x'.repeat(9000) }),
    );
    const body = { type: 'AnnotationPage', items };
    expect(JSON.stringify(body).length).toBeGreaterThan(1024 * 1024);
    const answer = await student.call('importAnnotations', { courseId, readingId }, body);
    expect(answer.status).toBe(200);
    expect(answer.body.imported).toBe(160);
  });

  it('imports only onto a reading I may annotate', async () => {
    const cast = await courseWithCast(t);
    const { courseId, student, instructor } = cast;
    const unassigned = (await savedReading(t, instructor, courseId)).body.id as string;
    const item = fromElsewhere('Automation arrived');
    expect((await student.call('importAnnotations', { courseId, readingId: unassigned }, item)).status).toBe(404);
    const staff = await instructor.call('importAnnotations', { courseId, readingId: unassigned }, item);
    expect(staff.status).toBe(403);
    expect(staff.body.error.code).toBe('READING_NOT_ASSIGNED');
    const other = await courseWithCast(t, 'Other');
    const foreign = await assignedReading(t, other);
    expect((await instructor.call('importAnnotations', { courseId, readingId: foreign }, item)).status).toBe(404);
    expect(await t.prisma.annotation.count()).toBe(0);
  });
});
