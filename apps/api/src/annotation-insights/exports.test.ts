import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast, twoGroups } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { assignedReading, offsetsOf, reply, thread } from './annotation-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

/** The student (Steppe) and the rival (Caspian) annotate; each keeps one private annotation. */
async function annotatedCourse() {
  const cast = await courseWithCast(t);
  const { courseId, student, instructor } = cast;
  const { rival, caspian } = await twoGroups(t, cast);
  const readingId = await assignedReading(t, cast);
  const on = { courseId, readingId };
  const keepers = await thread(t, {
    ...on,
    authorId: student.userId,
    words: 'keepers of the northern lights',
    body: '=SUM(A1) **who** were they?',
    tags: ['question'],
  });
  await reply(t, keepers, rival.userId, 'Lighthouse staff.');
  await reply(t, keepers, rival.userId, 'Something rude.', { hidden: true });
  await thread(t, {
    ...on,
    authorId: student.userId,
    words: 'trim the wicks',
    visibility: 'PRIVATE',
    body: 'Student secret',
  });
  await thread(t, {
    ...on,
    authorId: rival.userId,
    words: 'logbooks outlived',
    visibility: 'PRIVATE',
    body: 'Rival secret',
  });
  await thread(t, {
    ...on,
    authorId: instructor.userId,
    words: 'long winters',
    visibility: 'PRIVATE',
    body: 'Instructor secret',
  });
  const caspianThread = await thread(t, {
    ...on,
    authorId: rival.userId,
    words: 'every storm',
    visibility: 'GROUP',
    groupId: caspian,
    body: 'Caspian only',
  });
  await reply(t, caspianThread, rival.userId, 'Caspian reply');
  const automation = await thread(t, {
    ...on,
    authorId: rival.userId,
    words: 'Automation arrived',
    body: 'When exactly?',
  });
  await reply(t, automation, student.userId, 'In the 1960s.');
  await thread(t, { ...on, authorId: student.userId, words: 'Their children', body: 'Deleted one', deleted: true });
  return { ...cast, rival, readingId };
}

describe('annotation exports', () => {
  it('gives me my annotations, private ones included, with the replies I may see, and my replies', async () => {
    const { courseId, student } = await annotatedCourse();
    const csv = await student.call('exportAnnotations', { courseId }, undefined, { format: 'csv', scope: 'mine' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Foreign Policy Seminar - my annotations.csv"/,
    );
    const text = csv.body as string;
    for (const seen of ['Lighthouse staff.', 'Student secret', 'In the 1960s.']) expect(text).toContain(seen);
    for (const unseen of [
      'Something rude',
      'Rival secret',
      'Instructor secret',
      'Caspian',
      'When exactly',
      'Deleted one',
    ]) {
      expect(text).not.toContain(unseen);
    }
    const lines = text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Reading,Annotation ID,Thread ID,Kind,Author,Visibility,Group,Tags,Quote,Start,End,Body,Hidden,Created,Modified,Link',
    );
    expect(lines).toHaveLength(5);
    // A body a spreadsheet would run as a formula is defused.
    expect(text).toContain(",'=SUM(A1) **who** were they?,");
  });

  it('gives staff the course’s annotations of every group, never anyone’s private ones', async () => {
    const { courseId, instructor, ta, readingId } = await annotatedCourse();
    for (const staff of [instructor, ta]) {
      const markdown = await staff.call('exportAnnotations', { courseId }, undefined, {
        format: 'markdown',
        scope: 'course',
        readingId,
      });
      expect(markdown.status).toBe(200);
      expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      const text = markdown.body as string;
      for (const seen of [
        'Lighthouse staff.',
        'Something rude',
        'Caspian only',
        'Caspian reply',
        'When exactly?',
        'In the 1960s.',
      ]) {
        expect(text).toContain(seen);
      }
      for (const unseen of ['Student secret', 'Rival secret', 'Instructor secret', 'Deleted one'])
        expect(text).not.toContain(unseen);
    }
    const markdown = (await instructor.call('exportAnnotations', { courseId }, undefined, { scope: 'course' }))
      .body as string;
    expect(markdown).toMatch(/^# Annotations · Foreign Policy Seminar\n/);
    expect(markdown).toContain('## Lighthouses of the Northern Coast');
    expect(markdown).toContain('> keepers of the northern lights');
    expect(markdown).toContain('**Student** · course · ');
    expect(markdown).toContain('#question');
    expect(markdown).toMatch(/- \*\*Rival\*\* \(\d{4}-\d\d-\d\d\): Lighthouse staff\./);
    const { start, end } = await offsetsOf(t, readingId, 'keepers of the northern lights');
    expect(markdown).toContain(`/courses/${courseId}/readings/${readingId}?passage=${start}-${end})`);
  });

  it('refuses the course’s annotations to a student, and a reading they cannot see', async () => {
    const { courseId, student, outsider, instructor } = await annotatedCourse();
    const refused = await student.call('exportAnnotations', { courseId }, undefined, { scope: 'course' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ANNOTATION_EXPORT_COURSE_IS_FOR_STAFF');
    expect((await outsider.call('exportAnnotations', { courseId })).status).toBe(404);
    expect((await student.call('exportAnnotations', { courseId }, undefined, { format: 'pdf' })).status).toBe(400);
    const draft = await t.prisma.reading.create({
      data: { courseId, title: 'Draft', authors: [], document: {}, canonicalText: 'Draft.', contentHash: 'x' },
    });
    expect((await student.call('exportAnnotations', { courseId }, undefined, { readingId: draft.id })).status).toBe(
      404,
    );
    expect((await instructor.call('exportAnnotations', { courseId }, undefined, { readingId: draft.id })).status).toBe(
      200,
    );
  });

  it('writes W3C Web Annotation JSON-LD: an AnnotationCollection of commenting, highlighting and replying annotations', async () => {
    const { courseId, student, readingId } = await annotatedCourse();
    await thread(t, { courseId, readingId, authorId: student.userId, words: 'the towers' });
    const answer = await student.call('exportAnnotations', { courseId }, undefined, { format: 'jsonld', readingId });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const collection = answer.body;
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 5,
    });
    const items = collection.first.items as Array<Record<string, any>>;
    expect(collection.first.type).toBe('AnnotationPage');
    const keepers = items.find((item) => item.body?.[0]?.value?.startsWith('=SUM'))!;
    const { start, end } = await offsetsOf(t, readingId, 'keepers of the northern lights');
    expect(keepers).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      creator: { type: 'Person', name: 'Student' },
      body: [
        { type: 'TextualBody', value: '=SUM(A1) **who** were they?', format: 'text/markdown' },
        { type: 'TextualBody', value: 'question', purpose: 'tagging' },
      ],
      target: {
        source: expect.stringMatching(new RegExp(`^https?://[^/]+/courses/${courseId}/readings/${readingId}$`)),
        selector: [
          { type: 'TextQuoteSelector', exact: 'keepers of the northern lights' },
          { type: 'TextPositionSelector', start, end },
        ],
      },
    });
    expect(keepers.id).toMatch(/^urn:uuid:/);
    expect(keepers.created).toMatch(/Z$/);
    expect(keepers.modified).toMatch(/Z$/);
    const highlight = items.find((item) => item.motivation === 'highlighting')!;
    expect(highlight.body).toBeUndefined();
    const answerToKeepers = items.find((item) => item.motivation === 'replying' && item.target === keepers.id);
    expect(answerToKeepers?.body[0].value).toBe('Lighthouse staff.');
  });
  it('keeps a deleted thread that has replies, as the reader does: the replies under a thread that says it was deleted', async () => {
    const { courseId, student, rival, instructor, readingId } = await annotatedCourse();
    const on = { courseId, readingId };
    const withdrawn = await thread(t, {
      ...on,
      authorId: student.userId,
      words: 'the towers',
      body: 'Withdrawn thought',
      tags: ['confusing'],
      deleted: true,
    });
    const answer = await reply(t, withdrawn, rival.userId, 'Still worth answering.');
    const retracted = await reply(t, withdrawn, student.userId, 'Retracted reply', { deleted: true });
    await reply(t, retracted, rival.userId, 'An answer to the retracted reply.');
    await reply(t, answer, student.userId, 'Deleted leaf', { deleted: true });
    const deletedMark = 'This annotation was deleted.';

    const markdown = (await instructor.call('exportAnnotations', { courseId }, undefined, { scope: 'course' }))
      .body as string;
    for (const gone of ['Withdrawn thought', 'Retracted reply', 'Deleted leaf', 'Deleted one', '#confusing'])
      expect(markdown).not.toContain(gone);
    const section = markdown.slice(markdown.indexOf('> the towers'));
    expect(section).toMatch(
      /^> the towers\n\n\[Open the passage\]\([^)]+\)\n\n_Deleted_ · course · \d{4}-\d\d-\d\d\n\n_This annotation was deleted\._\n\n- \*\*Rival\*\* \(\d{4}-\d\d-\d\d\): Still worth answering\.\n\n- _Deleted_ \(\d{4}-\d\d-\d\d\): _This annotation was deleted\._\n\n- \*\*Rival\*\* \(\d{4}-\d\d-\d\d\): An answer to the retracted reply\./,
    );

    // My export: my deleted thread, kept with the replies it had.
    const csv = (await student.call('exportAnnotations', { courseId }, undefined, { format: 'csv', readingId }))
      .body as string;
    const rows = csv.split('\r\n').filter((line) => line.includes(withdrawn.id));
    const { start, end } = await offsetsOf(t, readingId, 'the towers');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain(
      `,${withdrawn.id},${withdrawn.id},deleted,,course,,,the towers,${start},${end},${deletedMark},no,`,
    );
    expect(rows[1]).toContain(`,${answer.id},${withdrawn.id},reply,Rival,`);
    expect(rows[2]).toContain(
      `,${retracted.id},${withdrawn.id},deleted,,course,,,the towers,${start},${end},${deletedMark},`,
    );
    expect(csv).not.toMatch(/Withdrawn thought|Retracted reply|Deleted leaf/);

    const jsonld = (await student.call('exportAnnotations', { courseId }, undefined, { format: 'jsonld', readingId }))
      .body;
    const items = jsonld.first.items as Array<Record<string, any>>;
    const kept = items.find((item) => item.id === `urn:uuid:${withdrawn.id}`)!;
    expect(kept).toMatchObject({
      motivation: 'commenting',
      body: [{ type: 'TextualBody', value: deletedMark, purpose: 'commenting' }],
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: 'the towers' },
          { start, end },
        ],
      },
    });
    expect(kept.creator).toBeUndefined();
    expect(kept.body).toHaveLength(1);
    expect(items.find((item) => item.id === `urn:uuid:${answer.id}`)).toMatchObject({
      target: `urn:uuid:${withdrawn.id}`,
      body: [{ value: 'Still worth answering.' }],
    });
    expect(JSON.stringify(jsonld)).not.toMatch(/Withdrawn thought|Retracted reply|Deleted leaf/);
  });
});
