import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANNOTATION_BODY_MAX_CHARS, type Annotation } from '@commonplace/contracts';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { courseWithReading, targetOf } from './annotation-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

type Cast = Awaited<ReturnType<typeof courseWithReading>>;
type Client = Cast['student'];

const list = async (client: Client, c: Cast) =>
  (await client.call('listAnnotations', { courseId: c.courseId, readingId: c.readingId })).body as Annotation[];

async function annotate(client: Client, c: Cast, input: Record<string, unknown>): Promise<Annotation> {
  const created = await client.call('createAnnotation', { courseId: c.courseId, readingId: c.readingId }, input);
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return created.body as Annotation;
}

const thread = (c: Cast, words: string, visibility: string, body = '', tags: string[] = []) => ({
  target: targetOf(c.text, words),
  visibility,
  body,
  tags,
});

describe('annotating a reading', () => {
  it('makes highlights and comments on passages, with replies under their thread, in reading order', async () => {
    const c = await courseWithReading(t);
    const later = await annotate(c.student, c, thread(c, 'the end of the keepers', 'course', 'Why *long* winters?', ['question']));
    const highlight = await annotate(c.partner, c, thread(c, 'kept logbooks of every storm', 'group'));
    expect(highlight).toMatchObject({
      body: '',
      visibility: 'group',
      groupName: 'Steppe',
      quote: 'kept logbooks of every storm',
      anchorStatus: 'anchored',
      authorRole: 'student',
      can: { edit: true, delete: true, moderate: false, reply: true },
    });
    const [quote, position] = highlight.target!.selector;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'kept logbooks of every storm' });
    expect((quote as { prefix: string }).prefix).toMatch(/northern lights $/);
    expect(position).toMatchObject({ start: c.text.indexOf('kept logbooks'), end: c.text.indexOf('kept logbooks') + 28 });

    const reply = await annotate(c.instructor, c, { parentId: later.id, body: 'Read on: the next paragraph.' });
    expect(reply).toMatchObject({ parentId: later.id, rootId: later.id, target: null, quote: null, visibility: 'course', authorRole: 'instructor' });
    const replyToReply = await annotate(c.student, c, { parentId: reply.id, body: 'Thanks!' });
    expect(replyToReply).toMatchObject({ parentId: reply.id, rootId: later.id });

    const seen = await list(c.student, c);
    expect(seen.map((a) => `${a.author.name}: ${a.quote ?? '↳'} ${a.body}`)).toEqual([
      'Partner: kept logbooks of every storm ',
      'Student: the end of the keepers Why *long* winters?',
      'Instructor: ↳ Read on: the next paragraph.',
      'Student: ↳ Thanks!',
    ]);
    expect(seen.map((a) => a.read)).toEqual([false, true, false, true]);
    await c.student.call('markAnnotationsRead', { courseId: c.courseId, readingId: c.readingId }, { annotationIds: [highlight.id, reply.id] });
    expect((await list(c.student, c)).map((a) => a.read)).toEqual([true, true, true, true]);

    const got = await c.ta.call('getAnnotation', { courseId: c.courseId, readingId: c.readingId, annotationId: later.id });
    expect(got.status).toBe(200);
    expect(got.body.annotation.id).toBe(later.id);
    expect(got.body.replies.map((r: Annotation) => r.body)).toEqual(['Read on: the next paragraph.', 'Thanks!']);
  });
});
