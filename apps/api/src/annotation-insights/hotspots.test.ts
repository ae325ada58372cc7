import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast, twoGroups } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { assignedReading, offsetsOf, readingText, reply, thread } from './annotation-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

describe('annotation hotspots', () => {
  it('ranks the passages the class discussed and found confusing, counting only what the viewer may see', async () => {
    const cast = await courseWithCast(t);
    const { courseId, student, instructor } = cast;
    const { rival, caspian } = await twoGroups(t, cast);
    const readingId = await assignedReading(t, cast);
    const on = { courseId, readingId };
    const keepers = await thread(t, {
      ...on,
      authorId: student.userId,
      words: 'keepers of the northern lights',
      body: 'Who were they?',
    });
    await reply(t, keepers, rival.userId, 'Lighthouse staff.');
    await reply(t, keepers, instructor.userId, 'See the archive.');
    await reply(t, keepers, rival.userId, 'Gone.', { deleted: true });
    await thread(t, {
      ...on,
      authorId: rival.userId,
      words: 'northern lights kept logbooks',
      visibility: 'GROUP',
      groupId: caspian,
      tags: ['confusing'],
    });
    await thread(t, { ...on, authorId: rival.userId, words: 'trim the wicks', tags: ['confusing'] });
    await thread(t, { ...on, authorId: student.userId, words: 'trim the wicks', tags: ['confusing', 'question'] });
    // None of these count: private, hidden, deleted, or waiting in triage after a new edition.
    for (const extra of [
      { visibility: 'PRIVATE' as const },
      { hidden: true },
      { deleted: true },
      { anchorStatus: 'TRIAGE' as const },
    ]) {
      await thread(t, { ...on, authorId: rival.userId, words: 'Automation arrived', tags: ['confusing'], ...extra });
    }

    // The rival (Caspian) counts Caspian's group thread with the course thread it overlaps.
    const answer = await rival.call('annotationHotspots', { courseId, readingId });
    expect(answer.status).toBe(200);
    const text = await readingText(t, readingId);
    const keepersAt = await offsetsOf(t, readingId, 'keepers of the northern lights');
    const logbooksAt = await offsetsOf(t, readingId, 'northern lights kept logbooks');
    const wicksAt = await offsetsOf(t, readingId, 'trim the wicks');
    expect(answer.body.textLength).toBe(text.length);
    expect(answer.body.density).toHaveLength(60);
    expect(answer.body.density.reduce((sum: number, n: number) => sum + n, 0)).toBeGreaterThanOrEqual(4);
    expect(answer.body.discussed).toEqual([
      {
        start: keepersAt.start,
        end: logbooksAt.end,
        quote: text.slice(keepersAt.start, logbooksAt.end),
        threads: 2,
        replies: 2,
      },
      { ...wicksAt, quote: 'trim the wicks', threads: 2, replies: 0 },
    ]);
    expect(answer.body.confusing).toEqual([
      { ...wicksAt, quote: 'trim the wicks', threads: 2, replies: 0 },
      { ...logbooksAt, quote: 'northern lights kept logbooks', threads: 1, replies: 0 },
    ]);
    // The student (Steppe) is not told where Caspian annotated, not even as a count.
    const steppe = await student.call('annotationHotspots', { courseId, readingId });
    expect(steppe.body.discussed).toEqual([
      { ...keepersAt, quote: 'keepers of the northern lights', threads: 1, replies: 2 },
      { ...wicksAt, quote: 'trim the wicks', threads: 2, replies: 0 },
    ]);
    expect(steppe.body.confusing).toEqual([{ ...wicksAt, quote: 'trim the wicks', threads: 2, replies: 0 }]);
    // Counts and the reading's own words: no bodies, no authors.
    expect(JSON.stringify(answer.body)).not.toMatch(/Who were they|Lighthouse staff|Rival|Student/);
  });

  it('is empty for a reading nobody annotated, and refuses a reading students cannot see yet', async () => {
    const cast = await courseWithCast(t);
    const { courseId, student, instructor, outsider } = cast;
    const readingId = await assignedReading(t, cast);
    const empty = await student.call('annotationHotspots', { courseId, readingId });
    expect(empty.body).toMatchObject({ discussed: [], confusing: [] });
    expect(empty.body.density.every((n: number) => n === 0)).toBe(true);

    const unassigned = (await savedReading(t, instructor, courseId)).body.id as string;
    expect((await student.call('annotationHotspots', { courseId, readingId: unassigned })).status).toBe(404);
    expect((await instructor.call('annotationHotspots', { courseId, readingId: unassigned })).status).toBe(200);
    expect((await outsider.call('annotationHotspots', { courseId, readingId })).status).toBe(404);
  });

  it('answers quickly with 2,000 annotations on a reading', async () => {
    const cast = await courseWithCast(t);
    const { courseId, student } = cast;
    const paragraph =
      'The keepers of the northern lights kept logbooks of every storm, and the logbooks outlived the towers. ';
    const readingId = await assignedReading(t, cast, `# A long reading\n\n${paragraph.repeat(400)}\n`);
    const text = await readingText(t, readingId);
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const start = (i * 523) % (text.length - 200);
      const end = start + 20 + (i % 150);
      return {
        courseId,
        readingId,
        authorId: student.userId,
        visibility: 'COURSE' as const,
        tags: i % 7 === 0 ? ['confusing'] : [],
        quote: text.slice(start, end),
        start,
        end,
        readingVersion: 1,
      };
    });
    await t.prisma.annotation.createMany({ data: rows });
    const started = performance.now();
    const answer = await student.call('annotationHotspots', { courseId, readingId });
    const elapsed = performance.now() - started;
    expect(answer.status).toBe(200);
    expect(answer.body.density.reduce((sum: number, n: number) => sum + n, 0)).toBeGreaterThanOrEqual(2000);
    expect(answer.body.discussed).toHaveLength(5);
    expect(answer.body.confusing).toHaveLength(5);
    expect(elapsed).toBeLessThan(1500);
  });
});
