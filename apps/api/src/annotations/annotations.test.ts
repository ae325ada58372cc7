import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANNOTATION_BODY_MAX_CHARS, type Annotation } from '@commonplace/contracts';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { annotate, courseWithReading, targetOf } from './annotation-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

type Cast = Awaited<ReturnType<typeof courseWithReading>>;
type Client = Cast['student'];

const list = async (client: Client, c: Cast) =>
  (await client.call('listAnnotations', { courseId: c.courseId, readingId: c.readingId })).body as Annotation[];

const thread = (c: Cast, words: string, visibility: string, body = '', tags: string[] = []) => ({
  target: targetOf(c.text, words),
  visibility,
  body,
  tags,
});

describe('annotating a reading', () => {
  it('makes highlights and comments on passages, with replies under their thread, in reading order', async () => {
    const c = await courseWithReading(t);
    const later = await annotate(
      c.student,
      c,
      thread(c, 'the end of the keepers', 'course', 'Why *long* winters?', ['question']),
    );
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
    expect(position).toMatchObject({
      start: c.text.indexOf('kept logbooks'),
      end: c.text.indexOf('kept logbooks') + 28,
    });

    const reply = await annotate(c.instructor, c, { parentId: later.id, body: 'Read on: the next paragraph.' });
    expect(reply).toMatchObject({
      parentId: later.id,
      rootId: later.id,
      target: null,
      quote: null,
      visibility: 'course',
      authorRole: 'instructor',
    });
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
    await c.student.call(
      'markAnnotationsRead',
      { courseId: c.courseId, readingId: c.readingId },
      { annotationIds: [highlight.id, reply.id] },
    );
    expect((await list(c.student, c)).map((a) => a.read)).toEqual([true, true, true, true]);

    const got = await c.ta.call('getAnnotation', {
      courseId: c.courseId,
      readingId: c.readingId,
      annotationId: later.id,
    });
    expect(got.status).toBe(200);
    expect(got.body.annotation.id).toBe(later.id);
    expect(got.body.replies.map((r: Annotation) => r.body)).toEqual(['Read on: the next paragraph.', 'Thanks!']);
  });
});

describe('refusals change nothing', () => {
  it('refuses bad selectors, wrong readings, groupless group annotations, unknown tags and outsiders mentioned', async () => {
    const c = await courseWithReading(t);
    const { courseId, readingId, text } = c;
    const other = await courseWithReading(t);
    const unassigned = (
      await t.prisma.reading.create({
        data: { courseId, title: 'Draft', document: {}, canonicalText: 'Not yet.', contentHash: 'x' },
      })
    ).id;
    const hiddenThread = await annotate(c.partner, c, thread(c, 'trim the wicks', 'course', 'Candles?'));
    await c.ta.call('updateAnnotation', { courseId, readingId, annotationId: hiddenThread.id }, { hidden: true });
    const rivalsThread = await annotate(c.rival, c, thread(c, 'trim the wicks', 'group', 'Ours.'));
    const start = text.indexOf('kept logbooks');
    const position = (s: number, e: number) => ({ type: 'TextPositionSelector', start: s, end: e });
    const quote = (exact: string) => ({ type: 'TextQuoteSelector', exact });
    const cases: [Client, string, Record<string, unknown>, number, string][] = [
      [
        c.student,
        readingId,
        { target: { selector: [quote('x'), position(text.length, text.length + 1)] }, visibility: 'course' },
        422,
        'SELECTOR_OUTSIDE_TEXT',
      ],
      [
        c.student,
        readingId,
        { target: { selector: [quote('kept logbooks'), position(start + 1, start + 14)] }, visibility: 'course' },
        422,
        'SELECTOR_QUOTE_MISMATCH',
      ],
      [
        c.student,
        readingId,
        { target: { selector: [position(start, start + 4), quote('kept')] }, visibility: 'private', body: '\u0000' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        c.student,
        readingId,
        { ...thread(c, 'kept', 'course'), body: 'x'.repeat(ANNOTATION_BODY_MAX_CHARS + 1) },
        400,
        'VALIDATION_FAILED',
      ],
      [c.student, readingId, { parentId: hiddenThread.id, body: '   ' }, 400, 'VALIDATION_FAILED'],
      [c.student, other.readingId, thread(other, 'kept', 'course'), 404, 'READING_NOT_FOUND'],
      [
        c.student,
        unassigned,
        { target: { selector: [quote('Not'), position(0, 3)] }, visibility: 'course' },
        404,
        'READING_NOT_FOUND',
      ],
      [
        c.instructor,
        unassigned,
        { target: { selector: [quote('Not'), position(0, 3)] }, visibility: 'course' },
        403,
        'READING_NOT_ASSIGNED',
      ],
      [c.instructor, readingId, thread(c, 'kept', 'group'), 409, 'ANNOTATION_NEEDS_GROUP'],
      [c.student, readingId, { parentId: hiddenThread.id, body: 'Hidden from me.' }, 404, 'ANNOTATION_NOT_FOUND'],
      [
        c.ta,
        readingId,
        { parentId: hiddenThread.id, body: 'Hidden, staff see it.' },
        409,
        'ANNOTATION_CLOSED_TO_REPLIES',
      ],
      [c.student, readingId, { parentId: rivalsThread.id, body: 'Not my group.' }, 404, 'ANNOTATION_NOT_FOUND'],
      [c.student, readingId, thread(c, 'kept', 'course', 'Tagged.', ['gossip']), 422, 'TAG_NOT_IN_COURSE'],
      [
        c.student,
        readingId,
        thread(c, 'kept', 'course', `Ask @[Outsider](user:${c.outsider.userId})`),
        422,
        'MENTION_NOT_IN_COURSE',
      ],
      [
        c.student,
        readingId,
        thread(c, 'kept', 'course', `Ask @[Nobody](user:${'-'.repeat(36)})`),
        422,
        'MENTION_NOT_IN_COURSE',
      ],
    ];
    const before = await t.prisma.annotation.count();
    for (const [who, reading, body, status, code] of cases) {
      const refused = await who.call('createAnnotation', { courseId, readingId: reading }, body);
      expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status, code });
    }
    expect(await t.prisma.annotation.count()).toBe(before);
    expect(await t.prisma.annotationMention.count()).toBe(0);
    expect(await t.prisma.notification.count()).toBe(0);

    // The deleted: closed to replies for its author too.
    const mine = await annotate(c.student, c, thread(c, 'Automation arrived', 'course', 'When?'));
    await annotate(c.partner, c, { parentId: mine.id, body: 'In the 1960s.' });
    await c.student.call('deleteAnnotation', { courseId, readingId, annotationId: mine.id });
    const closed = await c.partner.call(
      'createAnnotation',
      { courseId, readingId },
      { parentId: mine.id, body: 'Gone?' },
    );
    expect({ status: closed.status, code: closed.body.error.code }).toEqual({
      status: 409,
      code: 'ANNOTATION_CLOSED_TO_REPLIES',
    });

    // A course's own tag is accepted once staff add it.
    const tags = await c.instructor.call('setAnnotationTags', { courseId }, { tags: ['Gossip', 'question', 'gossip'] });
    expect(tags.body).toEqual({ builtIn: ['question', 'key point', 'disagree', 'confusing'], course: ['gossip'] });
    expect((await c.student.call('setAnnotationTags', { courseId }, { tags: [] })).status).toBe(403);
    expect((await c.student.call('annotationTags', { courseId })).body.course).toEqual(['gossip']);
    expect((await annotate(c.student, c, thread(c, 'kept', 'course', 'Tagged.', ['Gossip']))).tags).toEqual(['gossip']);
  });
});

describe('who sees what', () => {
  it('shows private to its author alone, group to the group and staff, course to all; hidden only to staff', async () => {
    const c = await courseWithReading(t);
    const { courseId, readingId } = c;
    const mine = await annotate(c.student, c, thread(c, 'kept logbooks', 'private', 'Just me.'));
    const ours = await annotate(c.student, c, thread(c, 'trim the wicks', 'group', 'Steppe only.'));
    const all = await annotate(c.rival, c, thread(c, 'Automation arrived', 'course', 'Everyone.'));
    const theirs = await annotate(c.rival, c, thread(c, 'the end of the keepers', 'group', 'Caspian only.'));
    await annotate(c.partner, c, { parentId: ours.id, body: 'A Steppe reply.' });
    const hidden = await annotate(c.partner, c, thread(c, 'outlived the towers', 'course', 'Rude.'));
    await c.instructor.call('updateAnnotation', { courseId, readingId, annotationId: hidden.id }, { hidden: true });

    const bodies = async (who: Client) => (await list(who, c)).map((a) => a.body);
    expect(await bodies(c.student)).toEqual(['Just me.', 'Steppe only.', 'A Steppe reply.', 'Everyone.']);
    expect(await bodies(c.partner)).toEqual(['Steppe only.', 'A Steppe reply.', 'Everyone.']);
    expect(await bodies(c.rival)).toEqual(['Everyone.', 'Caspian only.']);
    for (const staff of [c.instructor, c.ta])
      expect(await bodies(staff)).toEqual(['Rude.', 'Steppe only.', 'A Steppe reply.', 'Everyone.', 'Caspian only.']);
    expect((await list(c.ta, c)).find((a) => a.id === hidden.id)).toMatchObject({
      hidden: true,
      can: { moderate: true },
    });

    const get = (who: Client, annotationId: string) => who.call('getAnnotation', { courseId, readingId, annotationId });
    for (const [who, annotationId] of [
      [c.instructor, mine.id],
      [c.partner, mine.id],
      [c.rival, ours.id],
      [c.student, theirs.id],
      [c.student, hidden.id],
    ] as const) {
      const refused = await get(who, annotationId);
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({
        status: 404,
        code: 'ANNOTATION_NOT_FOUND',
      });
      // Nor may they change it, or learn that it exists by the error.
      expect((await who.call('updateAnnotation', { courseId, readingId, annotationId }, { pinned: true })).status).toBe(
        404,
      );
    }
    expect((await get(c.rival, all.id)).status).toBe(200);
    expect((await c.outsider.call('listAnnotations', { courseId, readingId })).status).toBe(404);
  });

  it('shows a thread that a new edition could not place only to its author, with its quote and no target', async () => {
    const c = await courseWithReading(t);
    const orphan = await annotate(c.student, c, thread(c, 'kept logbooks', 'course', 'Where did it go?'));
    await t.prisma.annotation.update({ where: { id: orphan.id }, data: { anchorStatus: 'ORPHANED' } });
    const own = await list(c.student, c);
    expect(own).toMatchObject([{ id: orphan.id, target: null, quote: 'kept logbooks', anchorStatus: 'orphaned' }]);
    expect(await list(c.partner, c)).toEqual([]);
    expect(await list(c.instructor, c)).toEqual([]);
  });
});

describe('a busy reading', () => {
  it('lists 2,000 threads at once, in reading order', async () => {
    const c = await courseWithReading(t);
    const words = c.text.split(/(?<=\s)/);
    const threads = Array.from({ length: 2000 }, (_, i) => {
      const at = i % (words.length - 1);
      const start = words.slice(0, at).join('').length;
      const exact = words[at]!;
      return {
        courseId: c.courseId,
        readingId: c.readingId,
        authorId: [c.student, c.partner, c.rival][i % 3]!.userId,
        visibility: i % 2 ? ('GROUP' as const) : ('COURSE' as const),
        groupId: i % 2 ? (i % 3 === 2 ? c.caspian : c.steppe) : null,
        body: `Thought ${i}`,
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start, end: start + exact.length },
        ],
        quote: exact,
        start,
        end: start + exact.length,
        readingVersion: 1,
      };
    });
    await t.prisma.annotation.createMany({ data: threads });
    const began = performance.now();
    const seen = await list(c.instructor, c);
    const took = performance.now() - began;
    expect(seen).toHaveLength(2000);
    const starts = seen.map((a) => (a.target!.selector[1] as { start: number }).start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Generous for a shared machine: one statement, not one per annotation.
    expect(took).toBeLessThan(3000);
  });
});
