import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SNIPPET_MARK_END, SNIPPET_MARK_START, type AnnotationSearchHit, type SearchHit } from '@commonplace/contracts';
import type { ApiClient } from '../testing/api-client.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { annotatedCourse, insertAnnotation } from '../notifications/annotation-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

type Hit = SearchHit | AnnotationSearchHit | { kind: 'note' | 'wiki' };
const unmarked = (snippet: string) => snippet.replaceAll(SNIPPET_MARK_START, '').replaceAll(SNIPPET_MARK_END, '');

async function annotationsFound(client: ApiClient, courseId: string, q: string) {
  const response = await client.call<Hit[]>('search', { courseId }, undefined, { q });
  expect(response.status).toBe(200);
  return response.body
    .filter((hit): hit is AnnotationSearchHit => hit.kind === 'annotation')
    .map((hit) => unmarked(hit.snippet))
    .sort();
}

describe('search over annotations', () => {
  it('finds only the annotations the searcher may see: never another group’s or anyone’s private, hidden only for staff, deleted for nobody', async () => {
    const { courseId, readingId, instructor, ta, student, rival, caspian, steppe } = await annotatedCourse(t);
    const at = { courseId, readingId };
    const courseWide = await insertAnnotation(t, { ...at, authorId: instructor.userId, body: 'course zeppelin' });
    const caspianGroup = await insertAnnotation(t, {
      ...at,
      authorId: rival.userId,
      visibility: 'GROUP',
      groupId: caspian,
      body: 'caspian zeppelin',
    });
    await insertAnnotation(t, {
      ...at,
      authorId: student.userId,
      visibility: 'GROUP',
      groupId: steppe,
      body: 'steppe zeppelin',
    });
    await insertAnnotation(t, { ...at, authorId: rival.userId, visibility: 'PRIVATE', body: 'private zeppelin' });
    await insertAnnotation(t, { ...at, authorId: rival.userId, hidden: true, body: 'hidden zeppelin' });
    await insertAnnotation(t, { ...at, authorId: rival.userId, deleted: true, body: 'deleted zeppelin' });
    await insertAnnotation(t, { ...at, authorId: rival.userId, thread: caspianGroup, body: 'caspian reply zeppelin' });
    await insertAnnotation(t, {
      ...at,
      authorId: rival.userId,
      thread: courseWide,
      hidden: true,
      body: 'hidden reply zeppelin',
    });
    await insertAnnotation(t, { ...at, authorId: rival.userId, anchorStatus: 'ORPHANED', body: 'orphaned zeppelin' });

    const staff = [
      'caspian reply zeppelin',
      'caspian zeppelin',
      'course zeppelin',
      'hidden reply zeppelin',
      'hidden zeppelin',
      'steppe zeppelin',
    ];
    expect(await annotationsFound(instructor, courseId, 'zeppelin')).toEqual(staff);
    expect(await annotationsFound(ta, courseId, 'zeppelin')).toEqual(staff);
    expect(await annotationsFound(student, courseId, 'zeppelin')).toEqual(['course zeppelin', 'steppe zeppelin']);
    expect(await annotationsFound(rival, courseId, 'zeppelin')).toEqual([
      'caspian reply zeppelin',
      'caspian zeppelin',
      'course zeppelin',
      'orphaned zeppelin',
      'private zeppelin',
    ]);

    // The searcher's current group decides.
    await instructor.call('removeFromGroup', { courseId, groupId: caspian, userId: rival.userId });
    expect(await annotationsFound(rival, courseId, 'zeppelin')).toEqual([
      'course zeppelin',
      'orphaned zeppelin',
      'private zeppelin',
    ]);
  });

  it('matches the quoted passage too, marks the words, and names what the result opens', async () => {
    const { courseId, readingId, instructor, student } = await annotatedCourse(t);
    const highlight = await insertAnnotation(t, {
      courseId,
      readingId,
      authorId: instructor.userId,
      quote: 'the lamp burned whale oil',
    });
    const reply = await insertAnnotation(t, {
      courseId,
      readingId,
      authorId: student.userId,
      thread: highlight,
      body: 'Why whale oil and not *kerosene*?',
    });
    const hits = (await student.call<Hit[]>('search', { courseId }, undefined, { q: 'kerosene' })).body;
    expect(hits.filter((hit) => hit.kind === 'annotation')).toEqual([
      {
        kind: 'annotation',
        annotationId: reply.id,
        readingId,
        readingTitle: expect.any(String),
        author: { id: student.userId, name: 'Student' },
        quote: 'the lamp burned whale oil',
        snippet: expect.stringContaining(`${SNIPPET_MARK_START}kerosene${SNIPPET_MARK_END}`),
        rank: expect.any(Number),
      },
    ]);
    const byQuote = (await student.call<Hit[]>('search', { courseId }, undefined, { q: 'whale' })).body.filter(
      (hit): hit is AnnotationSearchHit => hit.kind === 'annotation',
    );
    expect(byQuote.map((hit) => hit.annotationId).sort()).toEqual([highlight.id, reply.id].sort());
    expect(byQuote.find((hit) => hit.annotationId === highlight.id)!.snippet).toContain(
      `burned ${SNIPPET_MARK_START}whale${SNIPPET_MARK_END}`,
    );
  });

  it('matches and shows a body as its reader sees it: mentions by name, not by user id', async () => {
    const { courseId, readingId, instructor, student } = await annotatedCourse(t);
    await insertAnnotation(t, {
      courseId,
      readingId,
      authorId: instructor.userId,
      body: `@[Student](user:${student.userId}) what of the **sturgeon** [quotas](https://example.test/q)?`,
    });
    // ts_headline trims the punctuation at a fragment's ends; the words are the reader's.
    const [snippet] = await annotationsFound(student, courseId, 'sturgeon');
    expect(snippet).toMatch(/Student what of the sturgeon quotas/);
    expect(snippet).not.toMatch(/user|example|\*/);
    expect(await annotationsFound(student, courseId, 'user')).toEqual([]);
    expect(await annotationsFound(student, courseId, 'example')).toEqual([]);
  });

  it('keeps a student out of annotations on a reading not yet assigned, and out of other courses', async () => {
    const { courseId, instructor, student } = await annotatedCourse(t);
    const unassigned = (await savedReading(t, instructor, courseId)).body.id as string;
    await insertAnnotation(t, { courseId, readingId: unassigned, authorId: instructor.userId, body: 'early zeppelin' });
    expect(await annotationsFound(student, courseId, 'zeppelin')).toEqual([]);
    expect(await annotationsFound(instructor, courseId, 'zeppelin')).toEqual(['early zeppelin']);
    const other = await annotatedCourse(t);
    expect(await annotationsFound(other.instructor, other.courseId, 'zeppelin')).toEqual([]);
  });
});
